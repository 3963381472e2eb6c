// Counts Content-Security-Policy violations, so the page shows whether the policy held.
let count = 0;
document.addEventListener('securitypolicyviolation', (event) => {
  count += 1;
  document.getElementById('violations').textContent = `Policy violations on this page: ${count} (latest: ${event.violatedDirective})`;
});
