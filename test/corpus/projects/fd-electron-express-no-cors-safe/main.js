const { app, BrowserWindow } = require('electron');
const path = require('path');
require('./server');

function openWindow() {
  const win = new BrowserWindow({
    width: 800,
    height: 600,
    webPreferences: { preload: path.join(__dirname, 'preload.js') },
  });
  // Only the app's own window sees these rewritten headers.
  win.webContents.session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { 'Access-Control-Allow-Origin': ['*'], ...details.responseHeaders } });
  });
  win.loadFile('index.html');
}

app.whenReady().then(openWindow);
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
