// The host snippet from README.md: resize each persona-widgets iframe to its content.
const EMBED_ORIGIN = location.origin; // the CDN's origin in a real page
addEventListener('message', (event) => {
  if (event.origin !== EMBED_ORIGIN || event.data?.type !== 'persona-widgets:resize') return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = `${event.data.height}px`;
  }
});
