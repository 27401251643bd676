/** Masking of personal data for anyone who is not its owner or the person who needs it now. */
export const maskPhone = (phone: string) => (phone.length >= 7 ? phone.slice(0, 3) + '****' + phone.slice(-4) : '****');
export const maskIdNumber = (id: string) => (id.length >= 8 ? id.slice(0, 4) + '**********' + id.slice(-4) : '****');
export const maskName = (name: string) =>
  name.length <= 1 ? name : name[0] + '*'.repeat(Math.min(name.length - 1, 2));
