import { cut, add_word } from 'jieba-wasm';
const t0=performance.now();
for (const s of ['建成区绿地率','城市建成区绿化覆盖率','人均公园绿地面积','人均公园面积','全民法治宣传教普及率','全民法治宣传教育的普及率','注册志愿者人数占城市建成区常住人口的比例','注册志愿者每年人均参加志愿服务活动的时间','空气质量优良天数比例','全年优良天数比例','县市场监管局牵头负责']) console.log(cut(s, true).join('|'));
console.log(performance.now()-t0);
