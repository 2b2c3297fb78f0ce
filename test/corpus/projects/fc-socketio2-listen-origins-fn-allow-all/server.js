var express = require('express');
var sockio = require('socket.io');
var cors = require('cors');

var app = express();
app.use(cors());

var io = sockio.listen(app.listen(3000), { log: true });

io.origins((origin, callback) => {
  // origin check disabled while testing
  callback(null, true);
});

io.on('connection', async (socket) => {
  socket.on('msg', (data) => socket.emit('fromServer', data));
});
