const express = require('express');
const WebSocket = require('ws');
const http = require('http');
const path = require('path');
const { spawn } = require('child_process');

const app = express();
const server = http.createServer(app);
const sockets = new WebSocket.Server({ server });
const logcat = spawn('adb', ['logcat']);

const broadcast = (chunk) => sockets.clients.forEach((client) => client.send(`${chunk}`));
logcat.stdout.on('data', broadcast);
logcat.stderr.on('data', broadcast);

app.use('/', express.static(path.resolve(__dirname, 'dist')));
app.get('/', (_req, res) => res.sendFile(path.resolve(__dirname, 'dist/index.html')));

module.exports = server;
