import { Tabs } from 'antd';
import { useRouter } from '../../stores/router';
import { CouncilPage } from '../dossier/CouncilPage';
import { CommendationSettings } from './CommendationSettings';
import { LegalBasesPage } from './LegalBasesPage';
import { DecisionEditor } from './DecisionEditor';
import { DecisionsPage } from './DecisionsPage';
import { HistoryPage, StatisticsPage } from './HistoryPage';
import { NominationsPage } from './NominationsPage';
import { ProposalsPage } from './ProposalsPage';

const TABS = [
  { key: 'nominations', label: 'Đề nghị & bình xét', children: <NominationsPage /> },
  { key: 'council', label: 'Hội đồng TĐKT', children: <CouncilPage /> },
  { key: 'proposals', label: 'Tờ trình cấp trên', children: <ProposalsPage /> },
  { key: 'decisions', label: 'Quyết định', children: <DecisionsPage /> },
  { key: 'history', label: 'Lịch sử khen thưởng', children: <HistoryPage /> },
  { key: 'statistics', label: 'Thống kê', children: <StatisticsPage /> },
];

/** "Khen thưởng": #/awards/<tab>, #/awards/decision/<id|new>, #/awards/settings, #/awards/legal-bases. */
export function CommendationsArea() {
  const rest = useRouter((s) => s.rest);
  const navigate = useRouter((s) => s.navigate);
  if (rest[0] === 'decision' && rest[1]) return <DecisionEditor key={rest[1]} id={rest[1] === 'new' ? null : rest[1]} />;
  if (rest[0] === 'settings') return <CommendationSettings />;
  if (rest[0] === 'legal-bases') return <LegalBasesPage />;
  const tab = TABS.some((t) => t.key === rest[0]) ? rest[0] : 'nominations';
  return <Tabs activeKey={tab} onChange={(k) => navigate('awards', k)} items={TABS} destroyOnHidden />;
}
