// Lists what the endpoint received, refreshes after each successful contribution,
// and runs the review loop: <contribution-review> approves or rejects, the card reloads.
const list = document.getElementById('contributions');
const review = document.getElementById('review');
const card = document.getElementById('card');
const changes = document.getElementById('changes');
let token;

async function showContributions() {
  const { contributions } = await (await fetch('/api/contributions')).json();
  if (!contributions.length) {
    list.textContent = 'None yet. Send one with the form.';
    return;
  }
  list.replaceChildren(
    ...contributions.slice(0, 20).map(({ contribution, received_at: receivedAt, status }) => {
      const item = document.createElement('li');
      const { kind, pid, field, text } = contribution;
      const what = [kind, pid, field].filter(Boolean).join(' · ');
      item.textContent = `${what}: ${text ?? '(confirmed as accurate)'}${status ? ` [${status}]` : ''}`;
      if (receivedAt) item.title = `Received ${new Date(receivedAt).toLocaleString()}`;
      return item;
    }),
  );
}

async function showChanges() {
  if (!token) return;
  const pid = card.getAttribute('persona-id');
  const res = await fetch(`/api/review/personas/${encodeURIComponent(pid)}/changes`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) {
    changes.replaceChildren(Object.assign(document.createElement('li'), { textContent: `The review API answered ${res.status}.` }));
    return;
  }
  const { changes: log } = await res.json();
  changes.replaceChildren(
    ...(log.length ? log : [undefined]).map((change) => {
      const item = document.createElement('li');
      item.textContent = change
        ? `${new Date(change.changed_at).toLocaleString()}: ${change.action} ${change.field ?? ''} by ${change.changed_by} (contribution ${change.contribution_id.slice(0, 8)})`
        : 'No changes yet.';
      return item;
    }),
  );
}

document.getElementById('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  token = document.getElementById('token').value.trim() || undefined;
  review.token = token;
  showChanges();
});

review.addEventListener('review-decision', () => {
  // A new address makes the card fetch again (its client caches per URL); the endpoint ignores `rev`.
  card.setAttribute('src', `/api/personas?rev=${Date.now()}`);
  showContributions();
  showChanges();
});
document.getElementById('refresh').addEventListener('click', () => {
  showContributions();
  review.reload?.();
});
document.addEventListener('contribute-success', () => {
  showContributions();
  review.reload?.();
});
showContributions();
