/**
 * Resolves once the page's intersection observers have been told where `element` is: they are told
 * together, in one task after a frame, so once a new observer has been and that task is over, every
 * other one has too (a card's own included).
 */
export async function intersectionsReported(element: Element): Promise<void> {
  await new Promise<void>((resolve) => {
    const observer = new IntersectionObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(element);
  });
  await new Promise((resolve) => setTimeout(resolve));
}
