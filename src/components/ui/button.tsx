/**
 * The app's buttons: one look per variant and size. `<Button>` is a `<button>` (type "button"
 * unless told otherwise); `buttonClass()` gives the same look to something that must stay a link
 * (a router `<Link>` or an `<a>`), so it keeps a link's role and behaviour.
 */
import type { ComponentProps } from 'react';

type ButtonVariant = 'primary' | 'secondary' | 'danger';
/**
 * `sm`: the small controls of a panel (search, team views); `toolbar`: the header and the
 * board's toolbar, as tall as their selects; `md`: forms and dialogs; `lg`: a page's one action.
 */
type ButtonSize = 'sm' | 'toolbar' | 'md' | 'lg';

const BASE = 'inline-block rounded text-sm font-medium disabled:cursor-not-allowed disabled:opacity-60';

const VARIANTS: Record<ButtonVariant, string> = {
  primary: 'bg-blue-700 text-white hover:bg-blue-800',
  secondary: 'border border-slate-400 bg-white text-slate-800 hover:bg-slate-100',
  danger: 'bg-red-700 text-white hover:bg-red-800',
};

const SIZES: Record<ButtonSize, string> = {
  sm: 'px-3 py-1',
  toolbar: 'px-3 py-1.5',
  md: 'px-4 py-1.5',
  lg: 'px-4 py-2',
};

export interface ButtonLook {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** More classes (margins, placement); not padding or colours, which the look sets. */
  className?: string;
}

/** The class names of a button's look, for a link that looks like a button. */
export function buttonClass({ variant = 'secondary', size = 'md', className }: ButtonLook = {}): string {
  return [BASE, VARIANTS[variant], SIZES[size], className].filter(Boolean).join(' ');
}

export type ButtonProps = ComponentProps<'button'> & ButtonLook;

export function Button({ variant, size, className, type = 'button', ...props }: ButtonProps) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}
