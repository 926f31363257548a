import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

/** Lets pending promises (the fake bridge answers asynchronously) settle inside act(). */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A mounted React tree with helpers that act like a user: find by visible text or label, click, type, choose. */
export class Screen {
  readonly container: HTMLDivElement;
  private readonly root: Root;

  constructor() {
    this.container = document.createElement('div');
    document.body.append(this.container);
    this.root = createRoot(this.container);
  }

  async render(node: ReactNode): Promise<void> {
    await act(async () => {
      this.root.render(node);
      await settle();
    });
  }

  async flush(times = 2): Promise<void> {
    for (let i = 0; i < times; i += 1) await act(settle);
  }

  /** Waits (in real time, up to `timeoutMs`) until `condition` holds, letting React render in between. */
  async waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!condition()) {
      if (performance.now() > deadline) throw new Error('waited too long for the screen to change');
      await act(() => new Promise((resolve) => setTimeout(resolve, 25)));
    }
  }

  unmount(): void {
    act(() => this.root.unmount());
    this.container.remove();
  }

  get text(): string {
    return this.container.textContent ?? '';
  }

  button(name: string): HTMLButtonElement {
    const found = [...this.container.querySelectorAll('button')].find(
      (button) => button.getAttribute('aria-label') === name || button.textContent?.trim() === name,
    );
    if (!found) throw new Error(`no button "${name}"`);
    return found;
  }

  hasButton(name: string): boolean {
    try {
      this.button(name);
      return true;
    } catch {
      return false;
    }
  }

  /** A control by its accessible label: <label for>, a wrapping <label>, or aria-label. */
  control<T extends HTMLElement = HTMLInputElement>(label: string): T {
    for (const element of this.container.querySelectorAll<HTMLElement>('input, select, textarea')) {
      const byAria = element.getAttribute('aria-label');
      const byFor = element.id
        ? [...this.container.querySelectorAll('label')].find((item) => item.htmlFor === element.id)?.textContent
        : null;
      const wrapping = element.closest('label')?.textContent;
      if ([byAria, byFor, wrapping].some((text) => text?.trim() === label)) return element as T;
    }
    throw new Error(`no control labelled "${label}"`);
  }

  /** The error text shown beside a control (through its aria-describedby). */
  errorFor(label: string): string | null {
    const control = this.control(label);
    const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
    for (const id of ids) {
      const element = this.container.ownerDocument.getElementById(id);
      if (element?.classList.contains('field-error')) return element.textContent;
    }
    return null;
  }

  async click(name: string): Promise<void> {
    const target = this.button(name);
    await act(async () => {
      target.click();
      await settle();
    });
  }

  async check(label: string): Promise<void> {
    const box = this.control(label);
    await act(async () => {
      box.click();
      await settle();
    });
  }

  async choose(label: string, value: string): Promise<void> {
    const select = this.control<HTMLSelectElement>(label);
    await act(async () => {
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await settle();
    });
  }

  async type(label: string, value: string): Promise<void> {
    const input = this.control(label);
    // React tracks the value it last set; the prototype's setter updates the element behind its back, as typing does.
    const prototype = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    const descriptor = Object.getOwnPropertyDescriptor(prototype, 'value');
    await act(async () => {
      descriptor?.set?.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
    });
  }
}
