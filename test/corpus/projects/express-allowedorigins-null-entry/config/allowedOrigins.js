// 'null' lets us open the admin page straight from disk while testing
module.exports = ['https://admin.quillpost.io', 'https://quillpost.io', 'null'];
