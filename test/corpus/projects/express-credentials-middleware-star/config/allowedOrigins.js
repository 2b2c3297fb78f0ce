module.exports = ['https://capstone.greenfield.edu', 'http://localhost:3000'];
