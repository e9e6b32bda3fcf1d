import { provinceCodeByName, provinceCodeOf, regionChildren, resolveRegion } from './regions';

describe('region dataset', () => {
  it('lists 31 provinces and the children of a province and a city', () => {
    expect(regionChildren()).toHaveLength(31);
    expect(regionChildren('65').map((c) => c.name)).toContain('乌鲁木齐市');
    expect(regionChildren('6501').map((c) => c.code)).toContain('650102');
    expect(regionChildren('99')).toEqual([]);
  });

  it.each([
    ['650102', { province: '新疆维吾尔自治区', city: '乌鲁木齐市', district: '天山区', provinceCode: '65' }],
    ['330106', { province: '浙江省', city: '杭州市', district: '西湖区', provinceCode: '33' }],
    ['110101', { province: '北京市', city: '市辖区', district: '东城区', provinceCode: '11' }],
  ])('resolves %s', (code, expected) => {
    expect(resolveRegion(code)).toMatchObject(expected);
  });

  it('refuses unknown codes and a city that has districts', () => {
    expect(resolveRegion('659999')).toBeUndefined();
    expect(resolveRegion('3301')).toBeUndefined();
    expect(resolveRegion('abc')).toBeUndefined();
  });

  it('maps full and short province names to one code (新疆 = 新疆维吾尔自治区)', () => {
    expect(provinceCodeByName('新疆')).toBe('65');
    expect(provinceCodeByName('新疆维吾尔自治区')).toBe('65');
    expect(provinceCodeByName('浙江')).toBe('33');
    expect(provinceCodeByName('广西')).toBe('45');
    expect(provinceCodeByName('内蒙古')).toBe('15');
    expect(provinceCodeByName('火星')).toBeUndefined();
    expect(provinceCodeOf('650102')).toBe('65');
    expect(provinceCodeOf('99')).toBeUndefined();
  });
});

it('resolves a city without districts from its 6-digit national code (东莞市)', () => {
  expect(resolveRegion('441900')).toMatchObject({ city: '东莞市', districtCode: null, district: '' });
});
