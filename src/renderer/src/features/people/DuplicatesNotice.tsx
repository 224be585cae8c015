import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useRouter } from '../../stores/router';

/** After a package or a sheet brought people in: how many may be someone already here, with the way to merge them. */
export function DuplicatesNotice() {
  const navigate = useRouter((s) => s.navigate);
  const [groups, setGroups] = useState(0);
  useEffect(() => {
    call('people.listDuplicates', {}).then((g) => setGroups(g.length), () => setGroups(0));
  }, []);
  if (!groups) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="duplicates-notice"
      title={`Có ${groups} nhóm cá nhân có thể là cùng một người (ghi ở hai nơi). Hãy xem và hợp nhất để lịch sử và kiểm tra khen trùng tính đúng.`}
      action={
        <Button size="small" onClick={() => navigate('organizations', 'duplicates')}>
          Xem cá nhân trùng
        </Button>
      }
    />
  );
}
