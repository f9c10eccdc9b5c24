/**
 * A minimal DOM for running the built panel bundles (sidebar, task pane) in a Node vm, enough for
 * ui/panel.ts: createElement / createTextNode, attributes (with the reflected properties the panel
 * uses: id, class, hidden, disabled, checked, tabIndex, value), text content, listeners, click().
 *
 * `innerHTML` and `outerHTML` writes THROW, and `insertAdjacentHTML` / `document.write` do not exist:
 * a panel that tried to render text as markup fails loudly here. Text is stored as text nodes, so a
 * template called `<script>…</script>` is shown as those characters and creates no element.
 */
export class FakeNode {
  childNodes: FakeNode[] = [];
  parentNode: FakeElement | null = null;
  get firstChild(): FakeNode | null {
    return this.childNodes[0] ?? null;
  }
  appendChild<T extends FakeNode>(child: T): T {
    if (child.parentNode) child.parentNode.removeChild(child);
    child.parentNode = this as unknown as FakeElement;
    this.childNodes.push(child);
    return child;
  }
  removeChild<T extends FakeNode>(child: T): T {
    this.childNodes = this.childNodes.filter((c) => c !== child);
    child.parentNode = null;
    return child;
  }
  get textContent(): string {
    return this.childNodes.map((c) => c.textContent).join('');
  }
  set textContent(v: string) {
    for (const c of this.childNodes) c.parentNode = null;
    this.childNodes = [];
    if (v !== '') this.appendChild(new FakeText(String(v)));
  }
}

export class FakeText extends FakeNode {
  constructor(public data: string) {
    super();
  }
  get textContent(): string {
    return this.data;
  }
  set textContent(v: string) {
    this.data = v;
  }
}

export interface FakeEvent {
  type: string;
  key?: string;
  target?: FakeElement;
  defaultPrevented?: boolean;
  preventDefault(): void;
}

export class FakeElement extends FakeNode {
  attributes = new Map<string, string>();
  listeners = new Map<string, Array<(ev: FakeEvent) => void>>();
  private props: Record<string, unknown> = {};
  focused = false;

  constructor(
    readonly tagName: string,
    readonly ownerDocument: FakeDocument,
  ) {
    super();
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name.toLowerCase(), String(value));
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name.toLowerCase()) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name.toLowerCase());
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name.toLowerCase());
  }
  private reflectBool(name: string, v?: boolean): boolean {
    if (v === undefined) return this.hasAttribute(name);
    if (v) this.setAttribute(name, '');
    else this.removeAttribute(name);
    return v;
  }
  get id(): string {
    return this.getAttribute('id') ?? '';
  }
  set id(v: string) {
    this.setAttribute('id', v);
  }
  get className(): string {
    return this.getAttribute('class') ?? '';
  }
  set className(v: string) {
    this.setAttribute('class', v);
  }
  get classList(): { add(...c: string[]): void; remove(...c: string[]): void; contains(c: string): boolean } {
    const list = (): string[] => this.className.split(/\s+/).filter(Boolean);
    return {
      add: (...c: string[]) => (this.className = [...new Set([...list(), ...c])].join(' ')),
      remove: (...c: string[]) =>
        (this.className = list()
          .filter((x) => !c.includes(x))
          .join(' ')),
      contains: (c: string) => list().includes(c),
    };
  }
  get hidden(): boolean {
    return this.reflectBool('hidden');
  }
  set hidden(v: boolean) {
    this.reflectBool('hidden', v);
  }
  get disabled(): boolean {
    return this.reflectBool('disabled');
  }
  set disabled(v: boolean) {
    this.reflectBool('disabled', v);
  }
  get checked(): boolean {
    return 'checked' in this.props ? Boolean(this.props.checked) : this.hasAttribute('checked');
  }
  set checked(v: boolean) {
    this.props.checked = v;
  }
  get value(): string {
    return 'value' in this.props ? String(this.props.value) : (this.getAttribute('value') ?? '');
  }
  set value(v: string) {
    this.props.value = v;
  }
  get tabIndex(): number {
    return Number(this.getAttribute('tabindex') ?? -1);
  }
  set tabIndex(v: number) {
    this.setAttribute('tabindex', String(v));
  }
  set innerHTML(_v: string) {
    throw new Error(`innerHTML written on <${this.tagName}>: the panel must build DOM nodes and use textContent`);
  }
  set outerHTML(_v: string) {
    throw new Error(`outerHTML written on <${this.tagName}>`);
  }
  addEventListener(type: string, f: (ev: FakeEvent) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), f]);
  }
  removeEventListener(type: string, f: (ev: FakeEvent) => void): void {
    this.listeners.set(
      type,
      (this.listeners.get(type) ?? []).filter((x) => x !== f),
    );
  }
  dispatch(type: string, extra: Partial<FakeEvent> = {}): FakeEvent {
    const ev: FakeEvent = {
      type,
      target: this,
      ...extra,
      preventDefault() {
        ev.defaultPrevented = true;
      },
    };
    for (const f of this.listeners.get(type) ?? []) f(ev);
    return ev;
  }
  click(): void {
    if (this.disabled) return;
    this.dispatch('click');
  }
  focus(): void {
    this.ownerDocument.activeElement = this;
  }
  /** Depth-first search of this subtree. */
  findAll(pred: (e: FakeElement) => boolean): FakeElement[] {
    const out: FakeElement[] = [];
    const walk = (n: FakeNode): void => {
      if (n instanceof FakeElement && pred(n)) out.push(n);
      n.childNodes.forEach(walk);
    };
    this.childNodes.forEach(walk);
    return out;
  }
  find(pred: (e: FakeElement) => boolean): FakeElement | undefined {
    return this.findAll(pred)[0];
  }
}

export class FakeDocument {
  readyState = 'complete';
  head: FakeElement;
  body: FakeElement;
  activeElement: FakeElement | null = null;
  listeners: Array<[string, () => void]> = [];

  constructor() {
    this.head = new FakeElement('head', this);
    this.body = new FakeElement('body', this);
  }
  createElement(tag: string): FakeElement {
    return new FakeElement(tag.toLowerCase(), this);
  }
  createTextNode(data: string): FakeText {
    return new FakeText(String(data));
  }
  getElementById(id: string): FakeElement | null {
    return this.body.find((e) => e.id === id) ?? this.head.find((e) => e.id === id) ?? null;
  }
  addEventListener(type: string, f: () => void): void {
    this.listeners.push([type, f]);
  }
  /** Every element of the page. */
  all(): FakeElement[] {
    return [...this.head.findAll(() => true), ...this.body.findAll(() => true)];
  }
}

/** A page with `<div id="app">`, as sidebar.html and taskpane.html have. */
export function createPage(): { document: FakeDocument; app: FakeElement } {
  const document = new FakeDocument();
  const app = document.createElement('div');
  app.id = 'app';
  document.body.appendChild(app);
  return { document, app };
}

/** Lets pending promise callbacks (and their follow-ups) run. */
export async function flush(times = 10): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((r) => setImmediate(r));
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The subtree as HTML (text and attributes escaped), to show what the panel built in a real browser. */
export function toHtml(n: FakeNode): string {
  if (n instanceof FakeText) return escapeHtml(n.data);
  if (!(n instanceof FakeElement)) return n.childNodes.map(toHtml).join('');
  const attrs = [...n.attributes.entries()].map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeHtml(v)}"`)).join('');
  const inner = n.tagName === 'textarea' ? escapeHtml(n.value) : n.childNodes.map(toHtml).join('');
  return `<${n.tagName}${attrs}>${inner}</${n.tagName}>`;
}
