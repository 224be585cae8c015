/**
 * `npm start`: installs what is missing, then opens the desktop app where Electron's binary is (or can be
 * downloaded), else builds and serves the same app to the browser on loopback and prints the link.
 * TDKT_WEB=1 chooses the browser app even where Electron is present.
 */
import { join } from 'node:path';
import { ensureDependencies } from './lib/dependencies.mjs';
import { ensureElectron } from './lib/electron-binary.mjs';
import { launch, root } from './lib/launcher.mjs';
import { ensureElectronBuild, ensureNodeBuild } from './lib/native-module.mjs';
import { runNodeScript, runNpm, say } from './lib/run.mjs';

launch(() => {
  ensureDependencies(root);
  const electron = ensureElectron(root);
  if (electron) {
    ensureElectronBuild(root, electron);
    say('Mở ứng dụng (Electron). Bản phát triển dùng thư mục dữ liệu riêng, không đụng dữ liệu của bản đã cài.');
    runNodeScript(join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), ['preview'], { cwd: root });
  } else {
    ensureNodeBuild(root);
    runNpm(['run', 'build'], { cwd: root });
    say('Mở đường dẫn dưới đây bằng trình duyệt (chỉ máy này truy cập được). Dừng: Ctrl+C.');
    runNodeScript(join(root, 'out', 'bridge', 'serve.js'), process.argv.slice(2), { cwd: root });
  }
});
