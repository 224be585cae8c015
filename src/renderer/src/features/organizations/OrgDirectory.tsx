import { Alert, App as AntApp, Button, Card, Empty, Input, List, Spin, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useMemo, useRef, useState, type Key } from 'react';
import type { AppError } from '@shared/errors';
import { ORG_LEVEL_LABELS, type ImportSummary, type OrgNode } from '@shared/schemas/organizations';
import { call, toAppError } from '../../api/client';
import { fromApiDate, showDate, todayApi, toApiDate } from '../../lib/dates';
import { DateInput } from '../../lib/DateInput';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { fileToBase64 } from '../../lib/files';
import { useOffice } from '../../stores/office';
import { buildOrgTree, useOrganizations, type OrgTreeItem } from '../../stores/organizations';
import { OrgDetailPanel } from './OrgDetailPanel';
import { AddOrgModal, MergeOrgModal, MoveOrgModal, RenameOrgModal } from './OrgModals';
import { useOwnership } from '../exchange/ownership';

type OpenModal = 'add' | 'rename' | 'move' | 'merge' | null;

interface OrgDataNode extends DataNode {
  org: OrgNode;
  children?: OrgDataNode[];
}

/** Trees this small are fully expanded on first show; bigger ones open two levels. */
const EXPAND_ALL_BELOW = 300;

function OrgTitle({ org, at }: { org: OrgNode; at: string }) {
  const ended = !!org.endedOn && org.endedOn <= at;
  return (
    <span className={`org-title${ended ? ' ended' : ''}`} data-testid={`org-${org.code || org.id}`} title={ORG_LEVEL_LABELS[org.level]}>
      <span className="org-name">{org.name}</span>
      {org.abbreviation && !org.name.includes(org.abbreviation) && <span className="org-abbr">({org.abbreviation})</span>}
      {org.endedOn &&
        (ended ? (
          <Tag color="default">đã sáp nhập</Tag>
        ) : (
          <Tag color="orange">sáp nhập từ {showDate(org.endedOn)}</Tag>
        ))}
    </span>
  );
}

function toDataNodes(items: OrgTreeItem[]): OrgDataNode[] {
  return items.map((i) => ({
    key: i.node.id,
    org: i.node,
    children: i.children.length ? toDataNodes(i.children) : undefined,
  }));
}

function ancestorsOf(nodes: OrgNode[], id: string): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  let cur = byId.get(id)?.parentId ?? null;
  while (cur && !out.includes(cur)) {
    out.push(cur);
    cur = byId.get(cur)?.parentId ?? null;
  }
  return out;
}

export function OrgDirectory() {
  const { message } = AntApp.useApp();
  const { at, nodes, loading, error, selectedId, setAt, load, select, refresh } = useOrganizations();
  const [modal, setModal] = useState<OpenModal>(null);
  const [expanded, setExpanded] = useState<Key[] | null>(null);

  const [query, setQuery] = useState('');
  const [results, setResults] = useState<OrgNode[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<AppError | null>(null);

  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'info'; text: string } | null>(null);
  const [fileError, setFileError] = useState<AppError | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const officeOrgId = useOffice((s) => s.office?.organizationId);

  useEffect(() => {
    void load();
  }, [load]);

  // Start with this office's own unit selected, so "Thêm đơn vị" adds under it.
  useEffect(() => {
    if (!selectedId && officeOrgId && nodes.some((n) => n.id === officeOrgId)) void select(officeOrgId);
  }, [selectedId, officeOrgId, nodes, select]);

  const forest = useMemo(() => buildOrgTree(nodes), [nodes]);
  const treeData = useMemo(() => toDataNodes(forest), [forest]);
  const selected = nodes.find((n) => n.id === selectedId) ?? null;
  const ownership = useOwnership('organizations', selectedId);

  // First expansion once data is there: everything for small directories, two levels otherwise.
  useEffect(() => {
    if (expanded !== null || nodes.length === 0) return;
    if (nodes.length < EXPAND_ALL_BELOW) setExpanded(nodes.map((n) => n.id));
    else setExpanded([...forest.map((r) => r.node.id), ...forest.flatMap((r) => r.children.map((c) => c.node.id))]);
  }, [nodes, forest, expanded]);

  // Search as the clerk types (the server folds diacritics: "dang" finds "Đặng").
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults(null);
      setSearchError(null);
      return;
    }
    let stale = false;
    const t = setTimeout(async () => {
      setSearching(true);
      try {
        const found = await call('organizations.search', { query: q, limit: 100 });
        if (!stale) {
          setResults(found);
          setSearchError(null);
        }
      } catch (e) {
        if (!stale) setSearchError(toAppError(e));
      } finally {
        if (!stale) setSearching(false);
      }
    }, 250);
    return () => {
      stale = true;
      clearTimeout(t);
    };
  }, [query, nodes]);

  // Whatever gets selected (a new unit, a search result) is shown with its parents open.
  useEffect(() => {
    if (!selectedId || expanded === null) return;
    const up = ancestorsOf(nodes, selectedId);
    if (up.some((id) => !expanded.includes(id))) setExpanded(Array.from(new Set([...expanded, ...up])));
  }, [selectedId, nodes, expanded]);

  const reveal = (id: string) => void select(id);

  const doExport = async () => {
    setBusy('export');
    setNotice(null);
    setFileError(null);
    try {
      const saved = await call('organizations.exportXlsx', {});
      if (saved.path) setNotice({ kind: 'success', text: `Đã lưu: ${saved.path}` });
    } catch (e) {
      setFileError(toAppError(e));
    } finally {
      setBusy(null);
    }
  };

  const doImport = async (file: File | undefined) => {
    if (!file) return;
    setBusy('import');
    setNotice(null);
    setFileError(null);
    try {
      const dataBase64 = await fileToBase64(file);
      const summary: ImportSummary = await call('organizations.importXlsx', { fileName: file.name, dataBase64 });
      setNotice({
        kind: 'success',
        text: `Đã nhập ${file.name}: ${summary.created} đơn vị mới, ${summary.updated} đơn vị cập nhật, ${summary.unchanged} đơn vị không đổi.`,
      });
      message.success('Đã nhập danh mục đơn vị');
      // Open the imported tree once it is loaded.
      void refresh().then(() => setExpanded(null));
    } catch (e) {
      setFileError(toAppError(e));
    } finally {
      setBusy(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const atDay = fromApiDate(at);

  return (
    <div className="org-layout">
      <Card
        title="Danh mục đơn vị"
        extra={
          <span>
            <label htmlFor="org-at" style={{ marginRight: 8 }}>
              Xem tên theo ngày
            </label>
            <DateInput id="org-at" value={atDay} onChange={(d) => d?.isValid() && void setAt(toApiDate(d) ?? todayApi())} style={{ width: 150 }} />
          </span>
        }
      >
        <div className="org-toolbar">
          <Button type="primary" onClick={() => setModal('add')}>
            Thêm đơn vị
          </Button>
          <Button disabled={!selected || !!selected.endedOn || !!ownership?.readOnly} onClick={() => setModal('rename')}>
            Đổi tên
          </Button>
          <Button disabled={!selected || !!selected.endedOn || !!ownership?.readOnly} onClick={() => setModal('move')}>
            Chuyển đơn vị cấp trên
          </Button>
          <Button disabled={!selected || !!selected.endedOn || !!ownership?.readOnly} onClick={() => setModal('merge')}>
            Sáp nhập
          </Button>
          <Button loading={busy === 'export'} disabled={busy !== null} onClick={() => void doExport()}>
            Xuất Excel
          </Button>
          <Button loading={busy === 'import'} disabled={busy !== null} onClick={() => fileInput.current?.click()}>
            Nhập từ Excel
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx"
            className="hidden-file-input"
            aria-label="Chọn tệp Excel danh mục đơn vị"
            data-testid="org-import-input"
            onChange={(e) => void doImport(e.target.files?.[0])}
          />
        </div>

        {notice && (
          <Alert
            type={notice.kind}
            showIcon
            role="status"
            data-testid="org-notice"
            title={notice.text}
            closable={{ onClose: () => setNotice(null) }}
            style={{ marginBottom: 12 }}
          />
        )}
        <ErrorAlert error={fileError} onClose={() => setFileError(null)} />
        <ErrorAlert error={error} />

        <Input.Search
          aria-label="Tìm đơn vị"
          placeholder="Tìm đơn vị theo tên, viết tắt (gõ không dấu cũng được)"
          allowClear
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          loading={searching}
          style={{ marginBottom: 12 }}
        />
        <ErrorAlert error={searchError} />

        {results !== null ? (
          <List<OrgNode>
            size="small"
            bordered
            data-testid="org-search-results"
            header={<strong>Kết quả tìm kiếm ({results.length})</strong>}
            locale={{ emptyText: 'Không tìm thấy đơn vị nào' }}
            dataSource={results}
            renderItem={(o) => (
              <List.Item
                style={{ cursor: 'pointer', background: o.id === selectedId ? '#e6f4ff' : undefined }}
                onClick={() => reveal(o.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    reveal(o.id);
                  }
                }}
                tabIndex={0}
                role="button"
                aria-label={o.name}
                data-testid={`org-result-${o.code || o.id}`}
              >
                <span>
                  <OrgTitle org={o} at={at} />
                  <div className="muted" style={{ fontSize: 12 }}>
                    {ORG_LEVEL_LABELS[o.level]}
                  </div>
                </span>
              </List.Item>
            )}
          />
        ) : (
          <Spin spinning={loading} delay={400} description="Đang tải danh mục…">
            <div className="org-tree-box">
              {nodes.length === 0 && !loading ? (
                <Empty description="Chưa có đơn vị nào. Bấm “Thêm đơn vị” hoặc “Nhập từ Excel”." />
              ) : (
                <Tree<OrgDataNode>
                  aria-label="Danh mục đơn vị"
                  blockNode
                  showLine
                  treeData={treeData}
                  expandedKeys={expanded ?? []}
                  onExpand={(keys) => setExpanded(keys)}
                  selectedKeys={selectedId ? [selectedId] : []}
                  onSelect={(keys) => {
                    if (keys.length) void select(String(keys[0]));
                  }}
                  titleRender={(n) => <OrgTitle org={n.org} at={at} />}
                  virtual={nodes.length > 2000}
                  height={nodes.length > 2000 ? 600 : undefined}
                />
              )}
            </div>
          </Spin>
        )}
        <p className="muted" style={{ marginTop: 8, marginBottom: 0 }}>
          Tên đơn vị hiển thị theo ngày {showDate(at)}
          {at !== todayApi() && (
            <>
              {' '}
              ·{' '}
              <Button type="link" size="small" onClick={() => void setAt(todayApi())}>
                Về hôm nay
              </Button>
            </>
          )}
        </p>
      </Card>

      <OrgDetailPanel />

      {modal === 'add' && <AddOrgModal open onClose={() => setModal(null)} parent={selected && !selected.endedOn ? selected : null} />}
      {modal === 'rename' && selected && <RenameOrgModal open onClose={() => setModal(null)} org={selected} />}
      {modal === 'move' && selected && <MoveOrgModal open onClose={() => setModal(null)} org={selected} />}
      {modal === 'merge' && selected && <MergeOrgModal open onClose={() => setModal(null)} org={selected} />}
    </div>
  );
}

