// What shoppers call things versus what titles say: "那个杯子" for 景德镇手绘马克杯, "菜板" for 竹制砧板.
// Source: written for this shop's catalogue (dev/seed/products.ts) and the everyday words for those
// categories; a word here only ever narrows the shopper's own orders, so a missing synonym costs a
// follow-up question, never a wrong answer. Longest common substring handles the rest (砧板, 龙井).
export interface ProductSynonym {
  /** Words a shopper may use. */
  words: readonly string[]
  /** Any of these in an item title makes it a match. */
  fragments: readonly string[]
}

export const PRODUCT_SYNONYMS: readonly ProductSynonym[] = [
  { words: ['杯子', '水杯', '茶杯', '马克杯', '咖啡杯', '杯'], fragments: ['杯'] },
  { words: ['茶叶', '绿茶', '龙井', '茶'], fragments: ['茶', '龙井'] },
  { words: ['围巾', '丝巾', '披肩'], fragments: ['围巾', '丝巾'] },
  { words: ['砧板', '菜板', '案板', '切菜板', '菜墩'], fragments: ['砧板', '菜板'] },
  { words: ['咖啡豆', '咖啡'], fragments: ['咖啡'] },
  { words: ['糕点', '点心', '桂花糕', '糕'], fragments: ['糕'] },
  { words: ['包包', '袋子', '托特', '帆布包', '布袋', '手提袋'], fragments: ['托特包', '帆布', '袋'] },
  { words: ['花椒', '调料', '香料'], fragments: ['花椒'] },
]
