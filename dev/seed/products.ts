// The demo catalogue. Prices are in fen (1 yuan = 100 fen) as integers, as the storefront stores
// money; images point at placeholder paths inside the mini-program package.
export interface SeedProduct {
  _id: string
  title: string
  priceFen: number
  image: string
  stock: number
  description: string
}

export const DEMO_PRODUCTS: readonly SeedProduct[] = [
  {
    _id: 'prod-longjing-tea',
    title: '明前龙井 250g',
    priceFen: 16800,
    image: '/assets/products/longjing-tea.png',
    stock: 40,
    description: 'West Lake Longjing green tea, first spring picking.',
  },
  {
    _id: 'prod-ceramic-mug',
    title: '景德镇手绘马克杯',
    priceFen: 6900,
    image: '/assets/products/ceramic-mug.png',
    stock: 25,
    description: 'Hand-painted Jingdezhen porcelain mug, 350 ml.',
  },
  {
    _id: 'prod-silk-scarf',
    title: '杭州真丝围巾',
    priceFen: 25900,
    image: '/assets/products/silk-scarf.png',
    stock: 12,
    description: 'Mulberry silk scarf, 90 × 90 cm.',
  },
  {
    _id: 'prod-bamboo-cutting-board',
    title: '竹制砧板',
    priceFen: 8900,
    image: '/assets/products/bamboo-board.png',
    stock: 30,
    description: 'Solid bamboo cutting board, 40 × 28 cm.',
  },
  {
    _id: 'prod-osmanthus-cakes',
    title: '桂花糕礼盒 (12 枚)',
    priceFen: 5800,
    image: '/assets/products/osmanthus-cakes.png',
    stock: 60,
    description: 'Osmanthus rice cakes, gift box of twelve.',
  },
  {
    _id: 'prod-yunnan-coffee',
    title: '云南小粒咖啡豆 500g',
    priceFen: 9800,
    image: '/assets/products/yunnan-coffee.png',
    stock: 35,
    description: "Medium-roast Arabica beans from Pu'er.",
  },
  {
    _id: 'prod-cotton-tote',
    title: '帆布托特包',
    priceFen: 4500,
    image: '/assets/products/cotton-tote.png',
    stock: 50,
    description: 'Heavy cotton canvas tote with inner pocket.',
  },
  {
    _id: 'prod-sichuan-pepper',
    title: '汉源花椒 100g',
    priceFen: 3200,
    image: '/assets/products/sichuan-pepper.png',
    stock: 0,
    description: 'Hanyuan red Sichuan peppercorns (sold out, to show the state).',
  },
]
