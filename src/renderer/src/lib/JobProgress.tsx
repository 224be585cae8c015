import { Button, Progress, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { CANCELLABLE_JOBS } from '@shared/calls/core';
import { call, onEvent } from '../api/client';

/** Progress of a long core job (reading a large sheet) with a "Hủy" button; shows nothing until the job reports. */
export function JobProgress({ job }: { job: (typeof CANCELLABLE_JOBS)[number] }) {
  const [state, setState] = useState<{ done: number; label: string } | null>(null);
  useEffect(() => onEvent('job.progress', (p) => p.job === job && setState({ done: p.done, label: p.label })), [job]);
  if (!state) return null;
  return (
    <Space data-testid="job-progress" aria-live="polite">
      <span className="muted">{state.label}…</span>
      <Progress percent={state.done} size="small" style={{ width: 160 }} />
      <Button size="small" onClick={() => void call('app.cancelJob', { job })}>
        Hủy
      </Button>
    </Space>
  );
}
