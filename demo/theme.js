// The demo pages' theme switch: the `theme` attribute changes live, no reload or remount.
const select = document.getElementById('theme');
select?.addEventListener('change', () => {
  for (const element of document.querySelectorAll('persona-card, persona-grid, contribute-form')) {
    element.setAttribute('theme', select.value);
  }
  document.documentElement.dataset.theme = select.value;
});
