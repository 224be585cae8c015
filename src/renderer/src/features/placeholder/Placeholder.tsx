import { Result } from 'antd';
import type { Area } from '../../stores/router';

const NOTES: Partial<Record<Area, string>> = {
  movements:
    'Nơi đây sẽ quản lý phong trào thi đua, các đợt thi đua và ngày lễ, kỷ niệm; soạn kế hoạch phát động thi đua và xuất văn bản .docx đúng thể thức.',
  registrations:
    'Nơi đây sẽ nhận và tổng hợp bản đăng ký thi đua của tập thể, cá nhân, đăng ký công trình, sản phẩm gắn biển, và gửi bản tổng hợp lên cấp trên.',
  awards:
    'Nơi đây sẽ lập tờ trình và danh sách đề nghị khen thưởng, bình xét, ra quyết định khen thưởng kèm danh sách và tính tiền thưởng theo mức lương cơ sở.',
  register:
    'Nơi đây sẽ là sổ đăng ký văn bản đi: cấp số, ký hiệu theo từng năm cho kế hoạch, tờ trình, quyết định, báo cáo và tra cứu văn bản đã ban hành.',
  exchange:
    'Nơi đây sẽ gửi và nhận gói dữ liệu (.tdkt) có chữ ký với cấp trên, cấp dưới: kế hoạch, đăng ký, đề nghị, quyết định, báo cáo và danh mục đơn vị.',
};

export function Placeholder({ area, title }: { area: Area; title: string }) {
  return (
    <Result
      status="info"
      title={title}
      subTitle={
        <>
          <p>{NOTES[area] ?? 'Phần này sẽ được bổ sung trong các phiên bản tiếp theo.'}</p>
          <p>Chức năng này đang được xây dựng.</p>
        </>
      }
    />
  );
}
