import { Tabs } from 'antd';
import { useRouter } from '../../stores/router';
import { DuplicatesTab } from '../people/DuplicatesTab';
import { PeopleTab } from '../people/PeopleTab';
import { OrgDirectory } from './OrgDirectory';

export function OrganizationsArea() {
  const rest = useRouter((s) => s.rest);
  const navigate = useRouter((s) => s.navigate);
  const tab = rest[0] === 'people' || rest[0] === 'duplicates' ? rest[0] : 'units';
  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => navigate('organizations', k)}
      destroyOnHidden
      items={[
        { key: 'units', label: 'Đơn vị', children: <OrgDirectory /> },
        { key: 'people', label: 'Cá nhân', children: <PeopleTab /> },
        { key: 'duplicates', label: 'Cá nhân trùng', children: <DuplicatesTab /> },
      ]}
    />
  );
}
