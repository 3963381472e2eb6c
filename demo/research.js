// Lists what the demo endpoint received, and refreshes after each successful contribution.
const list = document.getElementById('contributions');

async function showContributions() {
  const { contributions } = await (await fetch('/api/contributions')).json();
  if (!contributions.length) {
    list.textContent = 'None yet. Send one with the form.';
    return;
  }
  list.replaceChildren(
    ...contributions.slice(0, 20).map(({ contribution, received_at: receivedAt }) => {
      const item = document.createElement('li');
      const { kind, pid, field, text } = contribution;
      const what = [kind, pid, field].filter(Boolean).join(' · ');
      item.textContent = `${what}: ${text ?? '(confirmed as accurate)'}`;
      if (receivedAt) item.title = `Received ${new Date(receivedAt).toLocaleString()}`;
      return item;
    }),
  );
}

document.getElementById('refresh').addEventListener('click', showContributions);
document.addEventListener('contribute-success', showContributions);
showContributions();
