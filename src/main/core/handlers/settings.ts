import { AppError } from '../../../shared/errors';
import { DEFAULT_CERTIFICATE_TEMPLATE } from '../documents/kinds/certificate';
import { renderCertificateTestPage } from '../documents/layout/certificate';
import { LayoutOptionsError, resolveLayoutOptions } from '../documents/layout/options';
import { layoutOverridesOf } from '../documents/office-settings';
import { mutator, type AreaHandlers } from '../registry';
import { getCertificatePrinters, getDocumentLayout, setCertificatePrinters, setDocumentLayout } from '../services/settings';
import { documentFileName } from '../documents/file-name';
import { saveFile } from '../util/save-file';

export const settingsHandlers = {
  'settings.documentLayout.get': async (_input, ctx) => getDocumentLayout(ctx.db),
  'settings.documentLayout.set': mutator('settings', async (input, ctx) => {
    // The layout engine checks the combination too; nothing is stored unless it would render.
    try {
      resolveLayoutOptions(layoutOverridesOf(input));
    } catch (e) {
      if (e instanceof LayoutOptionsError) throw new AppError('VALIDATION', e.message);
      throw e;
    }
    return setDocumentLayout(ctx.db, input);
  }),
  'settings.certificatePrinters.get': async (_input, ctx) => getCertificatePrinters(ctx.db),
  'settings.certificatePrinters.set': mutator('settings', (input, ctx) => setCertificatePrinters(ctx.db, input)),
  'settings.certificatePrinters.exportTestPage': async (input, ctx) => {
    const bytes = await renderCertificateTestPage(DEFAULT_CERTIFICATE_TEMPLATE, { x: input.offsetX, y: input.offsetY });
    const path = await ctx.host.chooseSavePath(documentFileName(`Trang in thu Giay khen ${input.name}`), [{ name: 'Word', extensions: ['docx'] }]);
    if (path) await saveFile(path, bytes);
    return { path };
  },
} satisfies AreaHandlers<'settings.'>;
