/**
 * The bar above the grid: the name box (shows the active cell; type a reference and Enter to go there,
 * as in both hosts) and the formula bar (shows the cell's formula or value; typing in it edits the cell).
 */
import { h } from '../../ui/dom';

export interface BarEvents {
  /** Go to what was typed in the name box; returns why not, or undefined when it went. */
  onGoto(text: string): string | undefined;
  /** The name box is done (Escape, or after going): the grid takes the focus back. */
  onNameBoxDone(): void;
  /** The user started editing in the formula bar. */
  onBarEdit(): void;
}

export class FormulaBar {
  readonly nameBox = h('input', {
    class: 'pv-namebox',
    id: 'pv-namebox',
    'aria-label': 'Name box: the selected cell; type a cell or range and press Enter to go there',
    spellcheck: 'false',
    autocomplete: 'off',
  });
  readonly input = h('input', {
    class: 'pv-formula',
    id: 'pv-formula',
    'aria-label': 'Formula bar',
    spellcheck: 'false',
    autocomplete: 'off',
  });
  readonly root = h(
    'div',
    { class: 'pv-bar' },
    this.nameBox,
    h('span', { class: 'pv-fx', 'aria-hidden': 'true' }, 'fx'),
    this.input,
  );
  private address = '';

  constructor(private readonly events: BarEvents) {
    this.nameBox.addEventListener('focus', () => this.nameBox.select());
    this.nameBox.addEventListener('keydown', (e) => this.onNameKey(e as KeyboardEvent));
    this.nameBox.addEventListener('blur', () => (this.nameBox.value = this.address));
    this.input.addEventListener('focus', () => this.events.onBarEdit());
  }

  private onNameKey(e: KeyboardEvent): void {
    if (e.key === 'Enter') {
      e.preventDefault();
      const problem = this.events.onGoto(this.nameBox.value);
      if (problem) this.nameBox.select();
      else this.events.onNameBoxDone();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.nameBox.value = this.address;
      this.events.onNameBoxDone();
    }
    e.stopPropagation();
  }

  /** Shows the selected cell ("C2" or "B2:D5") and its input. */
  showCell(address: string, input: string): void {
    this.address = address;
    if (document.activeElement !== this.nameBox) this.nameBox.value = address;
    this.input.value = input;
  }

  get text(): string {
    return this.input.value;
  }

  set text(value: string) {
    this.input.value = value;
  }
}
