/** `text` matched literally inside a RegExp (paths of a checkout may hold any character). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
