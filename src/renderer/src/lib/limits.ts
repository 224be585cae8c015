/** antd `count` for a text with a maximum: the counter shows once the text nears the limit, and turns red past it. */
export function nearLimit(text: string, max: number): { max: number; show: boolean } {
  return { max, show: text.length > max * 0.9 };
}
