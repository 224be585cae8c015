/**
 * `npm start`: installs what is missing, then opens the desktop app where Electron's binary is (or can be
 * downloaded), else builds and serves the same app to the browser on loopback and prints the link.
 * `npm run web` (= --web) or TDKT_WEB=1 chooses the browser app even where Electron is present; other
 * arguments go to the browser app's server (--data <folder> --port <n> --exports <folder>).
 */
import { join } from 'node:path';
import { ensureDependencies } from './lib/dependencies.mjs';
import { ensureElectron } from './lib/electron-binary.mjs';
import { launch, root } from './lib/launcher.mjs';
import { ensureElectronBuild, ensureNodeBuild } from './lib/native-module.mjs';
import { runNodeScript, runNpm, say } from './lib/run.mjs';

const web = process.argv.includes('--web') || process.env.TDKT_WEB === '1';
const dev = process.argv.includes('--dev'); // npm run dev: Electron with hot reload
const serverArgs = process.argv.slice(2).filter((a) => a !== '--web' && a !== '--dev');

launch(() => {
  ensureDependencies(root);
  const electron = web ? null : ensureElectron(root);
  if (electron) {
    ensureElectronBuild(root, electron);
    say('Mở ứng dụng (Electron). Bản phát triển dùng thư mục dữ liệu riêng, không đụng dữ liệu của bản đã cài.');
    runNodeScript(join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), [dev ? 'dev' : 'preview'], { cwd: root });
  } else {
    if (dev) say('npm run dev cần Electron; ở đây chạy bản trình duyệt (dựng lại bằng npm run web sau mỗi thay đổi).');
    ensureNodeBuild(root);
    runNpm(['run', 'build'], { cwd: root });
    say('Mở đường dẫn dưới đây bằng trình duyệt (chỉ máy này truy cập được). Dừng: Ctrl+C.');
    runNodeScript(join(root, 'out', 'bridge', 'serve.js'), serverArgs, { cwd: root });
  }
});
