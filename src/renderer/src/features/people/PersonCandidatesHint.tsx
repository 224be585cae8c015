import { Alert, Form, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import type { PersonCandidate } from '@shared/schemas/person-identity';
import { call } from '../../api/client';

interface Watched {
  fullName?: string;
  birthYear?: number | null;
  organizationId?: string | null;
  idNumber?: string;
}

/** While a person is typed: who is already here with the same folded name (and no contradicting year, unit or CCCD). */
export function PersonCandidatesHint({ form }: { form: FormInstance }) {
  const v = (Form.useWatch([], form) ?? {}) as Watched;
  const [found, setFound] = useState<PersonCandidate[]>([]);
  const name = (v.fullName ?? '').trim();
  const idNumber = /^(\d{9}|\d{12})$/.test((v.idNumber ?? '').replace(/\s+/g, '')) ? v.idNumber!.replace(/\s+/g, '') : null;
  useEffect(() => {
    if (name.length < 3) return setFound([]);
    const t = setTimeout(() => {
      call('people.listCandidates', { fullName: name, birthYear: v.birthYear ?? null, organizationId: v.organizationId ?? null, idNumber }).then(setFound, () => setFound([]));
    }, 300);
    return () => clearTimeout(t);
  }, [name, v.birthYear, v.organizationId, idNumber]);
  if (!found.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="person-candidates"
      message="Có thể người này đã có trong danh sách"
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {found.map((c) => (
            <li key={c.id}>
              {c.fullName}
              {c.birthYear ? `, sinh ${c.birthYear}` : ', chưa có năm sinh'}
              {c.organizationName ? `, ${c.organizationName}` : ''}
              {c.ownerName ? ` (nhận từ ${c.ownerName})` : ''} — {c.reason}
            </li>
          ))}
        </ul>
      }
    />
  );
}
