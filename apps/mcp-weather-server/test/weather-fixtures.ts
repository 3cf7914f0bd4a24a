// What the bundled offline data answers, as the tests expect it over every transport.
export const BEIJING = {
  city: '北京',
  temperature: 18,
  unit: 'C',
  condition: '晴',
  humidity: 35,
  windKph: 12,
};

export const PARIS_F = {
  city: 'Paris',
  temperature: 70,
  unit: 'F',
  condition: 'Sunny',
  humidity: 50,
  windKph: 10,
};
