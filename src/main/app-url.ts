import { normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The one page allowed to call the core: the built renderer's index.html, or the dev server's page only
 * when the app is not packaged (ELECTRON_RENDERER_URL is ignored in an installed app).
 */
export function appUrl(options: { isPackaged: boolean; rendererUrl: string | undefined; indexFile: string }): string {
  if (!options.isPackaged && options.rendererUrl) return new URL(options.rendererUrl).href;
  return pathToFileURL(options.indexFile).href;
}

/**
 * A page URL without its fragment (the router's #/…) or query: the document it is. A file URL is compared
 * as the file path it names, so Chromium's and Node's percent-encoding of a profile such as
 * "C:\Users\Nguyễn Văn A" cannot differ; Windows paths ignore case.
 */
function documentOf(url: string): string | null {
  try {
    const u = new URL(url);
    u.hash = '';
    u.search = '';
    if (u.protocol !== 'file:') return u.href;
    const path = normalize(fileURLToPath(u));
    return `file:${process.platform === 'win32' ? path.toLowerCase() : path}`;
  } catch {
    return null;
  }
}

export interface SenderFacts {
  /** URL of the frame that sent the call; missing or '' when the frame is gone. */
  frameUrl: string | undefined;
  /** The frame is the top frame of its page, not an iframe. */
  isMainFrame: boolean;
  /** The page belongs to the app's main window. */
  isMainWindow: boolean;
}

/** Only the top frame of the main window showing exactly the app's page may call the core. */
export function isTrustedSender(sender: SenderFacts, allowedUrl: string): boolean {
  if (!sender.isMainWindow || !sender.isMainFrame || !sender.frameUrl) return false;
  return documentOf(sender.frameUrl) === documentOf(allowedUrl);
}
