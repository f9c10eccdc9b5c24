/**
 * A small confirmation dialog inside the page (no window.confirm): a question, what happens, and two
 * buttons. The safe choice has the focus; Escape or a click outside cancels. Resolves true to go ahead.
 */
import { h } from '../../ui/dom';
import { CANCEL } from '../messages';

export interface ConfirmOptions {
  title: string;
  text: string;
  confirm: string;
  cancel?: string;
}

export function confirmDialog(host: HTMLElement, o: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const yes = h('button', { type: 'button', class: 'pv-dialog-confirm' }, o.confirm);
    const no = h('button', { type: 'button', class: 'pv-dialog-cancel' }, o.cancel ?? CANCEL);
    const box = h(
      'div',
      {
        class: 'pv-dialog',
        role: 'alertdialog',
        'aria-modal': 'true',
        'aria-labelledby': 'pv-dialog-title',
        'aria-describedby': 'pv-dialog-text',
      },
      h('h2', { id: 'pv-dialog-title' }, o.title),
      h('p', { id: 'pv-dialog-text' }, o.text),
      h('div', { class: 'pv-dialog-buttons' }, no, yes),
    );
    const backdrop = h('div', { class: 'pv-backdrop' }, box);
    const before = document.activeElement as HTMLElement | null;
    const done = (answer: boolean): void => {
      backdrop.remove();
      before?.focus();
      resolve(answer);
    };
    yes.addEventListener('click', () => done(true));
    no.addEventListener('click', () => done(false));
    backdrop.addEventListener('mousedown', (e) => {
      if (e.target === backdrop) done(false);
    });
    box.addEventListener('keydown', (e) => {
      const k = (e as KeyboardEvent).key;
      if (k === 'Escape') done(false);
      else if (k === 'Tab') {
        e.preventDefault();
        (document.activeElement === yes ? no : yes).focus();
      }
      e.stopPropagation();
    });
    host.appendChild(backdrop);
    no.focus();
  });
}
