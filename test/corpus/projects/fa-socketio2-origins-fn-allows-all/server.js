const express = require('express');
const socketServer = require('socket.io');
const cors = require('cors');

const app = express();

// open CORS for the REST part
app.use(cors());

const io = socketServer.listen(app.listen(3000), { log: true });

io.origins((origin, callback) => {
  // TODO restrict to the front end
  // if (origin !== 'https://front.example.com') return callback('origin not allowed', false);
  callback(null, true);
});

io.on('connection', async (socket) => {
  console.log('connected', socket.id);
});
