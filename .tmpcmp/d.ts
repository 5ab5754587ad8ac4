import { diffText } from '../shared/compare/diff.ts';
console.log(JSON.stringify(diffText('全民法治宣传教育的普及率≥95%', '全民法治宣传教育普及率≥90%')));
