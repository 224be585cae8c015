import { App as AntApp, Button, Modal } from 'antd';
import { useState } from 'react';
import { isOptionKind } from '@shared/calls/documents';
import type { DocumentKind } from '@shared/documents';
import { call, toAppError } from '../../api/client';
import { DocumentOptionsPanel } from '../documents/DocumentOptionsPanel';
import { IssueLetterButton } from '../documents/IssueLetterButton';
import { DocxPreview } from '../plans/DocxPreview';

/** The generated .docx as it prints, with "Xuất tệp Word" (documents.export). */
export function DocumentModal({ kind, id, title, onClose }: { kind: DocumentKind; id: string; title: string; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  // After a công văn is issued, the modal shows it as issued (its own id), number and all.
  const [shownId, setShownId] = useState(id);
  const save = async () => {
    setBusy(true);
    try {
      const saved = await call('documents.export', { kind, id: shownId });
      if (saved.path) message.success(`Đã lưu: ${saved.path}`);
    } catch (e) {
      message.error(toAppError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      width={960}
      className="reg-doc-modal"
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          Đóng
        </Button>,
        <Button key="save" type="primary" loading={busy} onClick={() => void save()}>
          Xuất tệp Word
        </Button>,
      ]}
    >
      {isOptionKind(kind) && shownId === id && <DocumentOptionsPanel kind={kind} id={id} onSaved={() => setVersion((v) => v + 1)} />}
      {kind === 'registration-reminder' && shownId === id && <IssueLetterButton scopeId={id} onIssued={setShownId} />}
      <DocxPreview kind={kind} id={shownId} version={version} />
    </Modal>
  );
}

/** Saves a list as .xlsx and reports where it went. */
export async function exportList(what: 'tracker' | 'individuals' | 'works', movementId: string, phaseId: string | null, notify: (text: string) => void) {
  const saved = await call('registrations.exportXlsx', { movementId, phaseId, what });
  if (saved.path) notify(`Đã lưu: ${saved.path}`);
}
