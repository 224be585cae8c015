/**
 * Council members typed one per line: "Họ tên - chức vụ", with "(vắng)" at the end for an absent member.
 * Pure, so the form and its test read the same thing.
 */
export interface TypedPerson {
  name: string;
  position: string;
  present: boolean;
}

export function peopleFromText(text: string): TypedPerson[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const absent = /\(\s*vắng\s*\)\s*$/iu.test(l);
      const line = l.replace(/\(\s*vắng\s*\)\s*$/iu, '').trim();
      const [name, ...rest] = line.split(/\s+[-–]\s+/);
      return { name: name.trim(), position: rest.join(' - ').trim(), present: !absent };
    });
}

export function peopleToText(people: { name: string; position: string; present?: boolean }[]): string {
  return people.map((p) => `${p.name}${p.position ? ` - ${p.position}` : ''}${p.present === false ? ' (vắng)' : ''}`).join('\n');
}
