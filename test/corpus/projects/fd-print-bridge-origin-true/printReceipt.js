const { ThermalPrinter, PrinterTypes } = require('node-thermal-printer');

function printReceipt(order) {
  const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: 'printer:POS-80' });
  printer.alignCenter();
  printer.println(order.shop);
  for (const line of order.items || []) printer.tableCustom([{ text: line.name }, { text: String(line.price) }]);
  printer.cut();
  return printer.execute();
}

module.exports = { printReceipt };
