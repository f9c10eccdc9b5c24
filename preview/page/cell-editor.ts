/**
 * The in-cell editor: a text box over the cell, or for a list-validated cell its list (a list box that
 * opens under the cell). Keys are handled by the grid (one handler, see keyboard.ts); this module only
 * places the element, reports typing and list picks, and shows a refusal under the cell.
 */
import { h } from '../../ui/dom';

export interface EditorPlace {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface EditorEvents {
  /** The text changed (mirror it in the formula bar). */
  onInput(text: string): void;
  /** A value of the list was clicked. */
  onPick(): void;
  /** Focus left the editor for something outside the grid. */
  onBlur(): void;
}

export class CellEditor {
  private el: HTMLInputElement | HTMLSelectElement | null = null;
  private readonly note = h('div', { class: 'pv-refusal', role: 'alert', hidden: true });

  constructor(
    private readonly container: HTMLElement,
    private readonly events: EditorEvents,
  ) {}

  get element(): HTMLInputElement | HTMLSelectElement | null {
    return this.el;
  }

  /** The list's choice when it was opened, and the cell's text then (see `value`). */
  private listOpened: { choice: string; text: string } | undefined;

  /**
   * The text to write: what is typed, or the list's choice. A list whose choice was not moved gives the
   * cell's own text back, so a value that is not in the list (shown as "(blank)") is never erased by
   * opening the list and leaving it.
   */
  get value(): string {
    const el = this.el;
    if (el instanceof HTMLSelectElement && this.listOpened && el.value === this.listOpened.choice)
      return this.listOpened.text;
    return el?.value ?? '';
  }

  get isList(): boolean {
    return this.el instanceof HTMLSelectElement;
  }

  /** A text box holding `text`, the caret at its end. */
  openText(at: EditorPlace, text: string, label: string): void {
    const input = h('input', { class: 'pv-editor', 'aria-label': label, spellcheck: 'false', autocomplete: 'off' });
    input.value = text;
    input.addEventListener('input', () => this.events.onInput(input.value));
    this.mount(input, at);
    input.setSelectionRange(text.length, text.length);
  }

  /** The cell's list, the current value chosen ("(blank)" clears the cell). */
  openList(at: EditorPlace, options: readonly string[], current: string, label: string): void {
    const select = h(
      'select',
      { class: 'pv-editor pv-list', 'aria-label': label, size: Math.min(options.length + 1, 8) },
      h('option', { value: '' }, '(blank)'),
      ...options.map((o) => h('option', { value: o }, o)),
    );
    select.value = options.includes(current) ? current : '';
    select.addEventListener('click', (e) => {
      if ((e.target as HTMLElement).tagName === 'OPTION') this.events.onPick();
    });
    this.mount(select, { ...at, height: Math.max(at.height, 22 * Number(select.size)) });
    this.listOpened = { choice: select.value, text: current }; // after mount(), which closes the last editor
  }

  private mount(el: HTMLInputElement | HTMLSelectElement, at: EditorPlace): void {
    this.close();
    Object.assign(el.style, {
      left: `${at.left}px`,
      top: `${at.top}px`,
      width: `${Math.max(at.width, 120)}px`,
      height: `${at.height}px`,
    });
    el.addEventListener('blur', () => {
      if (this.el === el) this.events.onBlur();
    });
    this.el = el;
    this.container.append(el, this.note);
    Object.assign(this.note.style, { left: `${at.left}px`, top: `${at.top + at.height + 2}px` });
    el.focus();
  }

  /** Shows why the value was refused, under the cell (and marks the editor invalid); undefined hides it. */
  refuse(message: string | undefined): void {
    this.note.hidden = !message;
    this.note.textContent = message ?? '';
    if (message) this.el?.setAttribute('aria-invalid', 'true');
    else this.el?.removeAttribute('aria-invalid');
  }

  close(): void {
    const el = this.el;
    this.el = null;
    this.listOpened = undefined;
    this.refuse(undefined);
    el?.remove();
    this.note.remove();
  }
}
