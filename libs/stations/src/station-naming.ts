import type { SeededRandom } from './seeded-random';
import type { Street } from './shanghai-divisions';

// Road names are invented from common place words: the division data has
// no roads, and a real road put in the wrong street would mislead.
const ROAD_WORDS = [
  '锦绣',
  '世纪',
  '银杏',
  '紫藤',
  '丰谷',
  '海棠',
  '长青',
  '兴业',
  '文汇',
  '东安',
  '华夏',
  '申江',
  '春晖',
  '秀水',
  '金桂',
  '玉兰',
  '香樟',
  '梅园',
  '竹林',
  '枫叶',
  '杏林',
  '桃源',
  '荷花',
  '芳草',
  '松林',
  '柳营',
  '安康',
  '和顺',
  '永乐',
  '福寿',
  '吉祥',
  '瑞丰',
  '景明',
  '清溪',
  '碧波',
  '明珠',
  '新源',
  '宏图',
  '振兴',
  '建业',
  '民生',
  '育才',
  '科苑',
  '创新',
  '星辰',
  '云台',
  '望江',
  '滨河',
] as const;

const SITE_KINDS = [
  '停车场',
  '地面停车场',
  '地下停车场',
  '社区停车场',
  '广场',
  '购物广场',
  '园区',
  '科技园区',
  '商务中心停车场',
] as const;

export interface StationNaming {
  name: string;
  address: string;
}

/** `陆家嘴` for 陆家嘴街道; towns (镇/乡) keep their full name. */
export function streetLabel(street: Street): string {
  return street.name.replace(/街道$/, '');
}

/** A plausible name and address for a station in a street. */
export function nameStation(
  random: SeededRandom,
  districtName: string,
  street: Street,
): StationNaming {
  const road = `${random.pick(ROAD_WORDS)}路`;
  const kind = random.pick(SITE_KINDS);
  const number = random.int(1, 1200);
  return {
    name: `${streetLabel(street)}·${road}${kind}网点`,
    address: `上海市${districtName}${road}${number}号`,
  };
}
