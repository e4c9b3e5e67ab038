package search_test

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/search"
)

// seedEntities are the entities of the seed article, with their
// aliases as extraction records them.
var seedEntities = []search.Entry{
	{ID: 1, Name: "Xi Jinping", Aliases: []string{"習近平", "Xi"}, Kind: model.KindPerson},
	{ID: 2, Name: "Donald Trump", Aliases: []string{"Trump"}, Kind: model.KindPerson},
	{ID: 3, Name: "Marco Rubio", Aliases: []string{"Rubio"}, Kind: model.KindPerson},
	{ID: 4, Name: "Cook Islands", Kind: model.KindCountry},
	{ID: 5, Name: "Han Kuo-yu", Aliases: []string{"韓國瑜"}, Kind: model.KindPerson},
	{ID: 6, Name: "Joe Biden", Aliases: []string{"Biden"}, Kind: model.KindPerson},
	{ID: 7, Name: "Hal Brands", Aliases: []string{"Brands"}, Kind: model.KindPerson},
	{ID: 8, Name: "China", Aliases: []string{"People's Republic of China", "Beijing", "中國"}, Kind: model.KindCountry},
	{ID: 9, Name: "United States", Aliases: []string{"US", "U.S.", "USA", "Washington"}, Kind: model.KindCountry},
	{ID: 10, Name: "Taiwan", Aliases: []string{"Republic of China", "Taipei", "臺灣"}, Kind: model.KindCountry},
	{ID: 11, Name: "TikTok", Kind: model.KindOrganisation},
	{ID: 12, Name: "US Supreme Court", Kind: model.KindOrganisation},
	{ID: 13, Name: "American Enterprise Institute", Aliases: []string{"AEI"}, Kind: model.KindOrganisation},
	{ID: 14, Name: "New Zealand", Aliases: []string{"Wellington"}, Kind: model.KindCountry},
	{ID: 15, Name: "Canada", Aliases: []string{"Ottawa"}, Kind: model.KindCountry},
	{ID: 16, Name: "European Union", Aliases: []string{"EU", "Brussels"}, Kind: model.KindOrganisation},
	{ID: 17, Name: "Mark Carney", Kind: model.KindPerson},
	{ID: 18, Name: "NATO", Aliases: []string{"North Atlantic Treaty Organization"}, Kind: model.KindOrganisation},
	{ID: 19, Name: "Vera Rubin Observatory", Kind: model.KindOrganisation},
	{ID: 20, Name: "Chinese Ministry of Foreign Affairs", Kind: model.KindOrganisation},
}

// distractors are real names an analyst's project is likely to hold next to
// the seed's, chosen to share letters with the test queries.
var distractors = []string{
	"Xavier Bettel", "Jiang Zemin", "Xinjiang", "Japan", "Joseph Kabila", "Xiomara Castro",
	"Li Qiang", "Wang Yi", "Hu Jintao", "Xu Qiliang", "Jean-Pierre Raffarin", "Jens Stoltenberg",
	"Lai Ching-te", "Tsai Ing-wen", "Ma Ying-jeou", "Ko Wen-je", "Hou Yu-ih", "Kishida Fumio",
	"Kim Jong Un", "Yoon Suk Yeol", "Narendra Modi", "Vladimir Putin", "Sergey Lavrov",
	"Antony Blinken", "Jake Sullivan", "Kamala Harris", "Mike Pence", "Mike Pompeo",
	"Marco Polo", "Mario Draghi", "Marcos Pontes", "Ferdinand Marcos Jr.", "Rubén Blades",
	"Rubio Foods", "Rubik", "Robin Cook", "Cook County", "Mount Cook", "Cooks Bay",
	"Coco Islands", "Cayman Islands", "Solomon Islands", "Marshall Islands", "Faroe Islands",
	"Cocos (Keeling) Islands", "Cook Strait", "Cook Island Airline", "Falkland Islands",
	"Mark Brown", "Fiji", "Samoa", "Tonga", "Niue", "Kiribati", "Tuvalu", "Palau", "Nauru",
	"Vanuatu", "Papua New Guinea", "Australia", "Recep Tayyip Erdoğan", "Emmanuel Macron",
	"Olaf Scholz", "Keir Starmer", "Giorgia Meloni", "Ursula von der Leyen", "António Guterres",
	"World Trade Organization", "United Nations", "Association of Southeast Asian Nations",
	"International Monetary Fund", "World Bank", "Ministry of Foreign Affairs", "Kuomintang",
	"Democratic Progressive Party", "Legislative Yuan", "Executive Yuan", "White House",
	"Department of State", "Pentagon", "Truth Social", "ByteDance", "Huawei", "Xiaomi",
	"Jiangxi", "Xi'an", "Xiamen", "Jinping County", "Zhou Enlai", "Deng Xiaoping",
	"Mao Zedong", "李強", "王毅", "胡錦濤", "賴清德", "蔡英文", "馬英九", "近畿", "平壤",
}

// allEntries returns the seed entities followed by the distractors.
func allEntries() []search.Entry {
	es := append([]search.Entry(nil), seedEntities...)
	for i, d := range distractors {
		es = append(es, search.Entry{ID: int64(1000 + i), Name: d})
	}
	return es
}

var (
	givenNames = strings.Fields(`James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth
		William Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Mohammed Fatima Ahmed
		Aisha Ali Omar Hassan Leila Yusuf Mariam Wei Fang Jing Min Lei Yan Hao Xin Jun Ying Hiroshi
		Yuki Takashi Akiko Kenji Sakura Ji-hoon Min-jung Seo-yeon Hyun-woo Olga Ivan Dmitri Natalia
		Sergei Elena Pierre Marie Jean Camille Luc Sophie Hans Anna Klaus Ursula Giuseppe Giulia Carlos
		Lucía José María Juan Ana Pedro Luis Priya Rahul Anjali Vikram Sunita Arjun Kwame Amara Chidi
		Ngozi Tunde Zanele Søren Åsa Björn Ewa Piotr Zoltán Ibrahim Mustafa Emine Kemal Şebnem`)
	familyNames = strings.Fields(`Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez
		Martinez Hernandez Lopez Gonzalez Wilson Anderson Taylor Moore Jackson Martin Lee Wang Li Zhang
		Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Tanaka Suzuki Takahashi Watanabe
		Kim Park Choi Jung Kang Ivanov Smirnov Kuznetsov Popov Dubois Lefebvre Moreau Müller Schmidt
		Schneider Fischer Rossi Russo Ferrari Esposito Fernández González Pérez Sánchez Singh Kumar
		Sharma Patel Gupta Okafor Mensah Nkosi Diallo Haddad Khalil Nasser Rahman Hussain Yilmaz
		Kaya Demir Nowak Kowalski Novák Horváth Nielsen Jensen Andersson Johansson Papadopoulos`)
	cjkFamily = []rune("王李張劉陳楊黃趙吳周徐孫馬朱胡郭何林高羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭田董潘袁蔡蔣余杜葉程蘇魏呂丁任沈姚盧姜崔鍾譚陸汪范金石廖賈夏韋付方白鄒孟熊秦邱江尹薛閻段雷侯龍史陶黎賀顧毛郝龔邵萬錢嚴覃武戴莫孔向湯")
	cjkGiven  = []rune("偉芳娜敏靜麗強磊軍洋勇艷傑娟濤明超秀霞平剛桂英華玉蘭萍紅梅鵬國瑜近文輝建新志清永安德春光林成東海立寧雪慧")
	orgHeads  = strings.Fields(`Ministry Department Institute Council Commission Agency Bureau
		Committee Authority Office Foundation Centre Center Court Bank Party Union Association Front Corporation`)
	orgTopics = strings.Fields(`Foreign Affairs Defence Defense Trade Finance Justice Energy Health
		Education Agriculture Security Intelligence Commerce Fisheries Maritime Strategic Studies
		Economic Development Human Rights Climate Migration Transport Labour Interior Culture Tourism`)
	placeHeads = strings.Fields(`North South East West New Upper Lower Port Saint San Santa Fort Great Little Mount Lake`)
	placeRoots = strings.Fields(`Haven Ridge Field Brook Wood Dale Stone Water Green Hill Ford Bridge
		Mouth Castle Vale Marsh Harbour Bay Point Springs Rock Valley Cross Land Moor Burg Stadt Abad
		Pur Ville Grad Polis Shan Jiang Zhou Kou Hai Nan Bei Dong Xi Gaon Nagar Kota`)
	countries = strings.Fields(`Chinese American Russian French German British Japanese Korean Indian
		Brazilian Turkish Iranian Israeli Egyptian Nigerian Kenyan Australian Canadian Mexican Polish Swedish`)
)

// generatedNames returns n realistic names and aliases (people with
// romanised and CJK names, organisations, places), deterministically.
func generatedNames(n int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 1))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	out := make([]string, 0, n)
	for len(out) < n {
		switch k := r.IntN(20); {
		case k < 8:
			name := pick(givenNames) + " " + pick(familyNames)
			if r.IntN(5) == 0 {
				name = pick(givenNames) + " " + string(rune('A'+r.IntN(26))) + ". " + pick(familyNames)
			}
			out = append(out, name)
		case k < 11:
			s := []rune{cjkFamily[r.IntN(len(cjkFamily))], cjkGiven[r.IntN(len(cjkGiven))]}
			if r.IntN(3) > 0 {
				s = append(s, cjkGiven[r.IntN(len(cjkGiven))])
			}
			out = append(out, string(s))
		case k < 15:
			o := pick(orgHeads) + " of " + pick(orgTopics)
			if r.IntN(2) == 0 {
				o = pick(countries) + " " + o + " and " + pick(orgTopics)
			}
			out = append(out, o)
		case k < 18:
			p := pick(placeRoots) + strings.ToLower(pick(placeRoots))
			if r.IntN(2) == 0 {
				p = pick(placeHeads) + " " + p
			}
			out = append(out, p)
		default:
			out = append(out, fmt.Sprintf("%s %s-%d", pick(countries), pick(orgHeads), r.IntN(100)))
		}
	}
	return out
}

// generatedEntries groups generated names into entities of one to three
// names each (a canonical name and aliases), n names in all.
func generatedEntries(n int, seed uint64) []search.Entry {
	names := generatedNames(n, seed)
	r := rand.New(rand.NewPCG(seed, 2))
	var es []search.Entry
	for i := 0; i < len(names); {
		k := min(1+r.IntN(3), len(names)-i)
		es = append(es, search.Entry{ID: int64(100_000 + len(es)), Name: names[i], Aliases: names[i+1 : i+k]})
		i += k
	}
	return es
}

// queries returns realistic queries: abbreviations, prefixes and fragments
// of the generated names.
func queries(names []string, n int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 3))
	var qs []string
	for len(qs) < n {
		rs := []rune(names[r.IntN(len(names))])
		switch r.IntN(4) {
		case 0: // initials-like: a few runes in order
			var q []rune
			for _, c := range rs {
				if c != ' ' && r.IntN(3) == 0 && len(q) < 4 {
					q = append(q, c)
				}
			}
			if len(q) > 0 {
				qs = append(qs, strings.ToLower(string(q)))
			}
		case 1: // a prefix
			qs = append(qs, strings.ToLower(string(rs[:min(len(rs), 2+r.IntN(6))])))
		case 2: // a fragment from the middle
			s := r.IntN(len(rs))
			qs = append(qs, string(rs[s:min(len(rs), s+2+r.IntN(4))]))
		default: // a typo-free word with a space and the next word's start
			f := strings.Fields(string(rs))
			if len(f) >= 2 {
				qs = append(qs, strings.ToLower(f[0]+" "+string([]rune(f[1])[:min(3, len([]rune(f[1])))])))
			}
		}
	}
	return qs
}
