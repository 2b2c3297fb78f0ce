export const socialLinks = [{ name: 'github', url: 'https://github.com/someone' }];
