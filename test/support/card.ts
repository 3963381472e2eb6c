import { waitUntil } from '@open-wc/testing';

/** The card's actions button ("⋯"). */
export const menuButton = (card: Element) => card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="menu-button"]')!;

/** The actions menu's entries (there once its module is in). */
export const menuItems = (card: Element) => [...card.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="menu-item"]')];

/** As a pointer reaching the actions button does: loads the menu, whose items then render. */
export async function prepareActions(card: Element): Promise<HTMLButtonElement[]> {
  menuButton(card).dispatchEvent(new PointerEvent('pointerenter'));
  await waitUntil(() => menuItems(card).length, 'the actions menu never loaded');
  return menuItems(card);
}

/** Opens the actions menu with a click on its button; resolves with the item named `label`. */
export async function actionItem(card: Element, label: string): Promise<HTMLButtonElement> {
  await prepareActions(card);
  menuButton(card).click();
  await waitUntil(() => card.shadowRoot!.querySelector('[part~="menu"]')!.matches(':popover-open'), 'the menu did not open');
  const item = menuItems(card).find((b) => b.textContent!.trim() === label);
  if (!item) throw new Error(`no menu item ${label}: ${menuItems(card).map((b) => b.textContent).join(', ')}`);
  return item;
}
