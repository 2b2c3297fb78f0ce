'use strict';
const escpos = require('escpos');
escpos.USB = require('escpos-usb');
const bodyParser = require('body-parser');
const app = require('express')();
const http = require('http').Server(app);
const cors = require('cors');

const usbDevice = new escpos.USB();
const receiptPrinter = new escpos.Printer(usbDevice, { encoding: 'GB18030' });

app.use(cors());
app.use(bodyParser.json());

app.post('/print', (req, res) => {
  res.json({ status: 'success' });
  printText(req.body.text);
});

http.listen(4000, () => {
  console.log('printer bridge on http://localhost:4000');
});

function printText(text) {
  usbDevice.open(() => {
    receiptPrinter.font('a').align('ct').text(text).cut().close();
  });
}
