import { Col, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { NominationView } from '@shared/schemas/commendations';
import type { MovementSummary } from '@shared/schemas/movements';
import { call } from '../../api/client';
import { DateInput, dateRule } from '../../lib/DateInput';
import { dayjs, fromApiDate, toApiDate } from '../../lib/dates';
import { FormModal } from '../../lib/FormModal';
import { peopleFromText, peopleToText } from './peopleText';

interface Values {
  meetingDate: Dayjs | null;
  movementId: string | null;
  startTime: string;
  endTime: string;
  place: string;
  chair: string;
  secretary: string;
  members: string;
  nominationIds: string[];
  ballot: boolean;
  counting: string;
  issued: number;
  received: number;
  invalid: number;
  conclusion: string;
}

const one = (text: string) => peopleFromText(text)[0] ?? { name: '', position: '' };

/** A meeting of the Hội đồng Thi đua – Khen thưởng: who sat, the nominations it considered, how it voted. */
export function MeetingModal({ id, onClose, onSaved }: { id: string | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const [movements, setMovements] = useState<MovementSummary[]>([]);
  const [nominations, setNominations] = useState<NominationView[]>([]);
  const [initial, setInitial] = useState<Partial<Values> | null>(id ? null : { meetingDate: dayjs(), startTime: '08:00', endTime: '11:00', ballot: false, issued: 0, received: 0, invalid: 0, nominationIds: [], conclusion: '', movementId: null });
  const ballot = Form.useWatch('ballot', form);
  const date = Form.useWatch('meetingDate', form);
  const year = date?.isValid() ? date.year() : dayjs().year();

  useEffect(() => {
    call('movements.list', {}).then(setMovements, () => setMovements([]));
  }, []);
  useEffect(() => {
    call('commendations.listNominations', { periodYear: year, query: '' }).then(setNominations, () => setNominations([]));
  }, [year]);
  useEffect(() => {
    if (!id) return;
    call('dossier.getMeeting', { id }).then((m) =>
      setInitial({
        meetingDate: fromApiDate(m.meetingDate),
        movementId: m.movementId,
        startTime: m.body.startTime,
        endTime: m.body.endTime,
        place: m.body.place,
        chair: peopleToText([m.body.chair]),
        secretary: peopleToText([m.body.secretary]),
        members: peopleToText(m.body.members),
        nominationIds: m.candidates.map((c) => c.nominationId),
        ballot: m.body.ballot,
        counting: peopleToText(m.body.counting.members),
        issued: m.body.counting.issued,
        received: m.body.counting.received,
        invalid: m.body.counting.invalid,
        conclusion: m.body.conclusion,
      }),
    );
  }, [id]);
  if (!initial) return null;

  return (
    <FormModal<Values>
      open
      title={id ? 'Sửa cuộc họp Hội đồng Thi đua - Khen thưởng' : 'Cuộc họp Hội đồng Thi đua - Khen thưởng'}
      form={form}
      width={900}
      initialValues={initial}
      labels={{ meetingDate: 'Ngày họp', place: 'Địa điểm', members: 'Thành viên', nominationIds: 'Các trường hợp xét' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const meetingDate = toApiDate(v.meetingDate);
        if (!meetingDate) throw new Error('Ngày họp không hợp lệ.');
        await call('dossier.saveMeeting', {
          id: id ?? undefined,
          movementId: v.movementId ?? null,
          meetingDate,
          nominationIds: v.nominationIds,
          body: {
            startTime: v.startTime,
            endTime: v.endTime,
            place: v.place,
            chair: one(v.chair),
            secretary: one(v.secretary),
            members: peopleFromText(v.members),
            ballot: v.ballot,
            counting: { members: peopleFromText(v.counting ?? '').map(({ name, position }) => ({ name, position })), issued: v.issued ?? 0, received: v.received ?? 0, invalid: v.invalid ?? 0 },
            conclusion: v.conclusion ?? '',
          },
        });
        onSaved();
      }}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label="Ngày họp" name="meetingDate" rules={[{ required: true, message: 'Nhập ngày họp' }, dateRule]}>
            <DateInput aria-label="Ngày họp" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item label="Bắt đầu" name="startTime" rules={[{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'Giờ dạng 08:00' }]}>
            <Input aria-label="Giờ bắt đầu" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item label="Kết thúc" name="endTime" rules={[{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'Giờ dạng 11:00' }]}>
            <Input aria-label="Giờ kết thúc" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="Phong trào" name="movementId">
            <Select aria-label="Phong trào" allowClear options={movements.map((m) => ({ value: m.id, label: m.name }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Địa điểm" name="place" rules={[{ required: true, message: 'Nhập địa điểm họp' }]}>
        <Input aria-label="Địa điểm" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="Chủ trì (Họ tên - chức vụ)" name="chair" rules={[{ required: true, message: 'Nhập người chủ trì' }]}>
            <Input aria-label="Chủ trì" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="Thư ký (Họ tên - chức vụ)" name="secretary" rules={[{ required: true, message: 'Nhập thư ký' }]}>
            <Input aria-label="Thư ký" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Thành viên Hội đồng (mỗi người một dòng “Họ tên - chức vụ”; người vắng thêm “(vắng)”)" name="members" rules={[{ required: true, message: 'Nhập thành viên Hội đồng' }]}>
        <Input.TextArea aria-label="Thành viên Hội đồng" autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
      <Form.Item label="Các trường hợp Hội đồng xét (số phiếu lấy từ kết quả bình xét)" name="nominationIds" rules={[{ required: true, message: 'Chọn ít nhất một đề nghị' }]}>
        <Select
          aria-label="Các trường hợp xét"
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={nominations.map((n) => ({ value: n.id, label: `${n.displayName} — ${n.proposedFormName}${n.review ? ` (${n.review.ownerName ? `bình xét của ${n.review.ownerName}: ` : ''}${n.review.votesFor}/${n.review.councilSize})` : ' (chưa bình xét)'}` }))}
        />
      </Form.Item>
      <Form.Item label="Bỏ phiếu kín" name="ballot" valuePropName="checked">
        <Switch aria-label="Bỏ phiếu kín" />
      </Form.Item>
      {ballot && (
        <>
          <Form.Item label="Ban kiểm phiếu (người đầu là trưởng ban)" name="counting" rules={[{ required: true, message: 'Nhập Ban kiểm phiếu' }]}>
            <Input.TextArea aria-label="Ban kiểm phiếu" autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
          <Row gutter={12}>
            {(['issued', 'received', 'invalid'] as const).map((f) => (
              <Col span={8} key={f}>
                <Form.Item label={f === 'issued' ? 'Số phiếu phát ra' : f === 'received' ? 'Số phiếu thu về' : 'Số phiếu không hợp lệ'} name={f}>
                  <InputNumber min={0} max={1000} aria-label={f === 'issued' ? 'Số phiếu phát ra' : f === 'received' ? 'Số phiếu thu về' : 'Số phiếu không hợp lệ'} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </>
      )}
      <Form.Item label="Kết luận thêm (mỗi đoạn một dòng, không bắt buộc)" name="conclusion">
        <Input.TextArea aria-label="Kết luận" autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Typography.Text type="secondary">Số phiếu đồng ý của từng trường hợp lấy từ kết quả “Bình xét” đã ghi, nên biên bản luôn khớp với kết quả.</Typography.Text>
    </FormModal>
  );
}
