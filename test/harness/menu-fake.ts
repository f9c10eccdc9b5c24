/**
 * A small recording fake of the Apps Script UI surface that onOpen touches (SpreadsheetApp.getUi,
 * createAddonMenu / createMenu, addItem, addSubMenu, addSeparator, addToUi), typed against
 * @types/google-apps-script so a change of the real API breaks this file at type-check time.
 */
type Menu = GoogleAppsScript.Base.Menu;

export interface MenuRecord {
  title: string;
  items: Array<{ caption: string; fn: string } | { separator: true } | { submenu: MenuRecord }>;
  addedToUi: boolean;
}

export function createMenuFake(): { SpreadsheetApp: Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'getUi'>; menus: MenuRecord[] } {
  const menus: MenuRecord[] = [];
  const makeMenu = (title: string, top: boolean): Menu => {
    const rec: MenuRecord = { title, items: [], addedToUi: false };
    if (top) menus.push(rec);
    const menu = {
      addItem(caption: string, fn: string) {
        rec.items.push({ caption, fn });
        return menu;
      },
      addSeparator() {
        rec.items.push({ separator: true });
        return menu;
      },
      addSubMenu(sub: Menu) {
        rec.items.push({ submenu: (sub as unknown as { __rec: MenuRecord }).__rec });
        return menu;
      },
      addToUi() {
        rec.addedToUi = true;
      },
      __rec: rec,
    };
    return menu as unknown as Menu;
  };
  const ui = {
    createAddonMenu: () => makeMenu('(add-on menu)', true),
    createMenu: (title: string) => makeMenu(title, false),
  } satisfies Pick<GoogleAppsScript.Base.Ui, 'createAddonMenu' | 'createMenu'>;
  return { SpreadsheetApp: { getUi: () => ui as unknown as GoogleAppsScript.Base.Ui }, menus };
}
