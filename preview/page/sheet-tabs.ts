/**
 * The sheet tabs under the grid: one tab per sheet in the workbook's order, the active one always
 * scrolled into view; arrows to scroll when the tabs do not fit; "+" adds a sheet; a tab menu (right
 * click, the ▾ on the active tab, or Shift+F10 / the menu key) renames or deletes any sheet, as in Excel and
 * Google Sheets (the grid asks before a delete and Undo brings the sheet back).
 */
import { clear, h } from '../../ui/dom';
import { cssColor } from './sheet-view';

export interface TabsModel {
  names(): string[];
  active(): string;
  tabColor(name: string): string | undefined;
  /** Shows a sheet; a click also gives the grid the keyboard (typing goes into the cell, as in both hosts). */
  onSelect(name: string, by: 'click' | 'key'): void;
  onAdd(): void;
  /** Renames; returns why not (the input stays open) or undefined when done. */
  onRename(from: string, to: string): string | undefined;
  onDelete(name: string): void;
}

const SCROLL_STEP = 0.75;
/** The strip's inner padding (preview.css .pv-tabs), kept visible after the last tab. */
const STRIP_PADDING = 4;

export class SheetTabs {
  private readonly strip = h('div', { class: 'pv-tabs', role: 'tablist', 'aria-label': 'Sheets' });
  private readonly back = h(
    'button',
    { type: 'button', class: 'pv-tab-scroll', 'aria-label': 'Scroll sheet tabs left', title: 'Scroll tabs left' },
    '◀',
  );
  private readonly forward = h(
    'button',
    { type: 'button', class: 'pv-tab-scroll', 'aria-label': 'Scroll sheet tabs right', title: 'Scroll tabs right' },
    '▶',
  );
  private readonly add = h(
    'button',
    { type: 'button', class: 'pv-tab pv-add', title: 'Add a sheet', 'aria-label': 'Add a sheet' },
    '+',
  );
  readonly root = h('div', { class: 'pv-tabbar' }, this.back, this.strip, this.forward, this.add);
  private menu: HTMLElement | null = null;

  constructor(private readonly model: TabsModel) {
    this.back.addEventListener('click', () => this.scrollBy(-1));
    this.forward.addEventListener('click', () => this.scrollBy(1));
    this.add.addEventListener('click', () => model.onAdd());
    this.strip.addEventListener('scroll', () => this.updateArrows());
    new ResizeObserver(() => this.updateArrows()).observe(this.strip);
    document.addEventListener('mousedown', (e) => {
      if (this.menu && !this.menu.contains(e.target as Node)) this.closeMenu();
    });
  }

  render(): void {
    this.closeMenu();
    clear(this.strip);
    for (const name of this.model.names()) this.strip.appendChild(this.tab(name));
    this.revealActive();
  }

  private tab(name: string): HTMLElement {
    const active = name === this.model.active();
    const tab = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        class: 'pv-tab',
        'aria-selected': String(active),
        'data-sheet': name,
        tabindex: active ? 0 : -1,
      },
      name,
    );
    const color = cssColor(this.model.tabColor(name));
    if (color) tab.style.borderBottomColor = color;
    tab.addEventListener('click', () => this.model.onSelect(name, 'click'));
    tab.addEventListener('contextmenu', (e) => {
      e.preventDefault();
      this.openMenu(name, wrap);
    });
    tab.addEventListener('keydown', (e) => this.onTabKey(e as KeyboardEvent, name, wrap));
    const wrap = h('div', { class: 'pv-tab-wrap', role: 'presentation' }, tab);
    if (active) {
      const more = h(
        'button',
        {
          type: 'button',
          class: 'pv-tab-menu',
          'aria-label': `Sheet menu for ${name}`,
          'aria-haspopup': 'menu',
          title: 'Rename or delete',
        },
        '▾',
      );
      more.addEventListener('click', () => this.openMenu(name, wrap));
      wrap.appendChild(more);
    }
    return wrap;
  }

  private onTabKey(e: KeyboardEvent, name: string, wrap: HTMLElement): void {
    const names = this.model.names();
    const i = names.indexOf(name);
    if ((e.shiftKey && e.key === 'F10') || e.key === 'ContextMenu') {
      e.preventDefault();
      this.openMenu(name, wrap);
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      const next = names[(i + (e.key === 'ArrowRight' ? 1 : names.length - 1)) % names.length];
      this.model.onSelect(next, 'key');
      this.tabEl(next)?.focus();
    }
  }

  private tabEl(name: string): HTMLButtonElement | undefined {
    return Array.from(this.strip.querySelectorAll<HTMLButtonElement>('button.pv-tab')).find(
      (b) => b.dataset.sheet === name,
    );
  }

  /** Scrolls the strip so the active tab is whole in view, then updates the arrows. */
  revealActive(): void {
    const tab = this.tabEl(this.model.active())?.parentElement;
    if (tab) {
      const left = tab.offsetLeft - this.strip.offsetLeft;
      const right = left + tab.offsetWidth + STRIP_PADDING;
      if (left < this.strip.scrollLeft) this.strip.scrollLeft = left;
      else if (right > this.strip.scrollLeft + this.strip.clientWidth)
        this.strip.scrollLeft = right - this.strip.clientWidth;
    }
    this.updateArrows();
  }

  private scrollBy(dir: number): void {
    this.strip.scrollLeft += dir * Math.max(60, this.strip.clientWidth * SCROLL_STEP);
    this.updateArrows();
  }

  private updateArrows(): void {
    const overflow = this.strip.scrollWidth > this.strip.clientWidth + 1;
    this.back.hidden = this.forward.hidden = !overflow;
    this.back.disabled = this.strip.scrollLeft <= 0;
    this.forward.disabled = this.strip.scrollLeft + this.strip.clientWidth >= this.strip.scrollWidth - 1;
  }

  private openMenu(name: string, wrap: HTMLElement): void {
    this.closeMenu();
    const item = (label: string, act: () => void): HTMLButtonElement => {
      const b = h('button', { type: 'button', role: 'menuitem', class: 'pv-menu-item' }, label);
      b.addEventListener('click', () => {
        this.closeMenu();
        act();
      });
      return b;
    };
    const items = [item('Rename…', () => this.startRename(name)), item('Delete…', () => this.model.onDelete(name))];
    const menu = h('div', { class: 'pv-menu', role: 'menu', 'aria-label': `Sheet ${name}` }, ...items);
    menu.addEventListener('keydown', (e) => this.onMenuKey(e as KeyboardEvent, items));
    menu.style.left = `${Math.max(0, wrap.offsetLeft - this.strip.scrollLeft)}px`;
    this.root.appendChild(menu);
    this.menu = menu;
    items[0].focus();
  }

  private onMenuKey(e: KeyboardEvent, items: HTMLButtonElement[]): void {
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      this.closeMenu();
      this.tabEl(this.model.active())?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length].focus();
    } else return;
    e.preventDefault();
    e.stopPropagation();
  }

  private closeMenu(): void {
    this.menu?.remove();
    this.menu = null;
  }

  /** Turns the tab into a text box: Enter renames (or says why not), Escape keeps the name. */
  startRename(name: string): void {
    const tab = this.tabEl(name);
    if (!tab) return;
    const input = h('input', {
      class: 'pv-tab-rename',
      'aria-label': `New name for sheet ${name}`,
      spellcheck: 'false',
    });
    input.value = name;
    let done = false;
    const finish = (save: boolean): void => {
      if (done) return;
      if (save && input.value.trim() !== name) {
        const problem = this.model.onRename(name, input.value.trim());
        if (problem) return void input.select();
      }
      done = true;
      this.render();
    };
    input.addEventListener('keydown', (e) => {
      const k = (e as KeyboardEvent).key;
      if (k === 'Enter' || k === 'Escape') {
        e.preventDefault();
        finish(k === 'Enter');
      }
      e.stopPropagation();
    });
    // Leaving the box keeps the old name; deferred, as the box may be leaving because the tabs are redrawn.
    input.addEventListener('blur', () => setTimeout(() => finish(false)));
    tab.replaceWith(input);
    input.focus();
    input.select();
  }
}
