#!/usr/bin/env python3
"""Deterministic generator for the Warmpath bundled demo network.

Usage:
    python3 resources/demo/generate_demo_network.py resources/demo/demo-network.json

Standard library only. The output is byte-for-byte identical on every run
(and across Python 3 versions): every random decision goes through
``rng.random()`` of a ``random.Random(SEED)`` instance, via the small helpers
below, so nothing depends on version-specific algorithms of ``choice``,
``shuffle``, ``gauss`` etc. No set of strings is ever iterated, and nothing
depends on the current time.

How the network is built
------------------------
Every person other than "me" gets a target distance ("level") from me:
1 (direct contacts), 2, 3, 4, 5, or a separate unreachable cluster. Every link
generated afterwards joins people whose levels differ by at most one, and every
person at level k >= 2 is guaranteed a neighbour at level k-1, so the
undirected BFS distance from me equals the level exactly. Inside that frame the
links follow community structure: organisations sit in "rings" (how close their
industry/city is to me, a Berlin product designer), and follows / connections
prefer the same organisation, industry and city. Follow targets are drawn in
proportion to a heavy-tailed "fitness", and a handful of well-known people get a
very high fitness, which gives a heavy-tailed in-degree.

Dates are relative (due_in_days, created_days_ago, ...) so the demo never
goes stale.
"""

import bisect
import json
import math
import sys
import unicodedata

import random

SEED = 20261126
rng = random.Random(SEED)


# ---------------------------------------------------------------------------
# Version-independent random helpers (built only on rng.random()).
# ---------------------------------------------------------------------------

def rand_int(a, b):
    """Uniform integer in [a, b]."""
    return a + int(rng.random() * (b - a + 1))


def chance(p):
    return rng.random() < p


def pick(seq):
    return seq[int(rng.random() * len(seq))]


def shuffle(lst):
    for i in range(len(lst) - 1, 0, -1):
        j = int(rng.random() * (i + 1))
        lst[i], lst[j] = lst[j], lst[i]


def cumulative(weights):
    out = []
    total = 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def pick_cum(items, cum):
    x = rng.random() * cum[-1]
    i = bisect.bisect_right(cum, x)
    if i >= len(items):
        i = len(items) - 1
    return items[i]


def pick_weighted(items, weights):
    return pick_cum(items, cumulative(weights))


def expo(mean):
    return -math.log(1.0 - rng.random()) * mean


def uniform(a, b):
    return a + (b - a) * rng.random()


def digits(n, first_nonzero=True):
    s = str(rand_int(1, 9)) if first_nonzero else str(rand_int(0, 9))
    while len(s) < n:
        s += str(rand_int(0, 9))
    return s


# ---------------------------------------------------------------------------
# Static data: names, cities, organisations, titles.
# ---------------------------------------------------------------------------

def split(s):
    return [x.strip() for x in s.split(",") if x.strip()]


NAME_REGIONS = {
    "german": (
        split("Lukas, Jonas, Felix, Leon, Maximilian, Paul, Niklas, Tobias, Florian, Moritz, Jannik, Matthias, "
              "Anna, Lena, Hannah, Laura, Julia, Sophie, Marie, Katharina, Johanna, Clara, Friederike, Annika"),
        split("Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Hoffmann, Schäfer, Koch, "
              "Richter, Klein, Wolf, Neumann, Schwarz, Zimmermann, Krüger, Hartmann, Lange, Brandt, Vogel, "
              "Schulte, Haas"),
    ),
    "dutch": (
        split("Daan, Sem, Bram, Joris, Thijs, Ruben, Stijn, Wouter, Sanne, Femke, Lotte, Anouk, Eva, Fleur, "
              "Iris, Maartje, Noor, Roos"),
        split("de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Visser, Smit, Meijer, de Boer, "
              "Mulder, Bos, Vos, Hendriks, van Leeuwen, Dekker, Brouwer, Kuipers"),
    ),
    "nordic": (
        split("Oskar, Magnus, Henrik, Søren, Mikkel, Nils, Emil, Björn, Anders, Jussi, Astrid, Ingrid, Freja, "
              "Sigrid, Elin, Maja, Linnea, Karin, Aino, Ida"),
        split("Andersen, Nielsen, Hansen, Johansson, Lindqvist, Berg, Nyström, Eriksson, Larsen, Holm, Lund, "
              "Sandberg, Dahl, Solberg, Virtanen, Korhonen, Mäkinen, Halvorsen"),
    ),
    "french": (
        split("Antoine, Julien, Mathieu, Théo, Hugo, Louis, Baptiste, Sébastien, Clément, Rémi, Camille, Chloé, "
              "Léa, Manon, Inès, Juliette, Élodie, Margaux, Aurélie, Salomé"),
        split("Martin, Bernard, Dubois, Thomas, Robert, Petit, Durand, Leroy, Moreau, Simon, Laurent, Lefebvre, "
              "Michel, Fournier, Girard, Bonnet, Rousseau, Faure, Mercier, Chevalier"),
    ),
    "portuguese": (
        split("João, Pedro, Tiago, Miguel, Rafael, Gustavo, Bruno, Diogo, Rodrigo, Vinícius, Ana, Beatriz, "
              "Inês, Mariana, Carolina, Larissa, Fernanda, Juliana, Gabriela, Thaís, Luana, Renata"),
        split("Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Souza, Almeida, Carvalho, "
              "Gomes, Ribeiro, Lopes, Barbosa, Araújo, Cardoso, Nascimento, Moura, Teixeira, Azevedo, Monteiro"),
    ),
    "spanish": (
        split("Alejandro, Diego, Javier, Carlos, Pablo, Mateo, Andrés, Santiago, Emilio, Lucía, Sofía, "
              "Valentina, Camila, Daniela, María, Paula, Carmen, Isabel, Ximena, Renata"),
        split("García, Fernández, López, Martínez, Sánchez, Pérez, Gómez, Ruiz, Díaz, Hernández, Morales, "
              "Ortega, Castillo, Romero, Navarro, Vargas, Reyes, Torres, Mendoza, Aguilar"),
    ),
    "italian": (
        split("Marco, Luca, Matteo, Alessandro, Davide, Giorgio, Lorenzo, Giulia, Francesca, Chiara, Federica, "
              "Elena, Silvia, Martina"),
        split("Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Gallo, Conti, "
              "De Luca, Lombardi, Moretti, Barbieri"),
    ),
    "central_eastern": (
        split("Łukasz, Piotr, Tomasz, Michał, Jakub, Ondřej, Andrei, Dmytro, Mihai, Bogdan, Katarzyna, "
              "Agnieszka, Magdalena, Marta, Zofia, Aleksandra, Petra, Ioana, Olena, Tereza"),
        split("Kowalski, Nowak, Wiśniewska, Wójcik, Kamińska, Lewandowski, Zieliński, Szymańska, Dvořák, Novák, "
              "Popescu, Ionescu, Shevchenko, Kovalenko, Horvat, Petrović, Kovács, Nagy"),
    ),
    "english": (
        split("James, Oliver, Harry, George, Jack, Samuel, Benjamin, Ethan, Noah, Daniel, Michael, Tyler, "
              "Connor, Liam, Jamal, Malik, Darnell, Emily, Charlotte, Amelia, Grace, Olivia, Isla, Chloe, Megan, "
              "Rachel, Jessica, Sarah, Madison, Aaliyah, Imani, Keisha, Aoife, Niamh, Siobhán, Ciarán"),
        split("Smith, Jones, Williams, Taylor, Brown, Davies, Evans, Wilson, Thompson, Johnson, Roberts, Walker, "
              "Wright, Robinson, Hughes, Clarke, Patterson, Murphy, O'Brien, Kelly, Byrne, Campbell, Stewart, "
              "MacLeod, Fraser, Bennett, Cooper, Parker, Mitchell, Reid, Washington, Jackson"),
    ),
    "east_african": (
        split("Wanjiru, Achieng, Njeri, Wambui, Akinyi, Nyokabi, Wairimu, Zawadi, Baraka, Amani, Imani, Brian, "
              "Faith, Mercy, Kevin, Dennis, Cynthia, Joy, Eunice, Collins, Ian, Moses, Esther, Kiprono"),
        split("Otieno, Kamau, Mwangi, Ochieng, Wanjiku, Kiprop, Njoroge, Odhiambo, Mutua, Wekesa, Kariuki, "
              "Chebet, Kimani, Omondi, Nyaga, Mugo, Owino, Kiplagat, Wafula, Muthoni, Okello, Mukasa, Uwase"),
    ),
    "west_african": (
        split("Chinedu, Adaeze, Oluwaseun, Tolu, Ngozi, Emeka, Kwame, Ama, Kofi, Abena, Yaw, Funmi, Ifeoma, "
              "Chiamaka, Babajide, Folake, Tunde, Ebuka, Efua, Kojo"),
        split("Okafor, Adeyemi, Okonkwo, Balogun, Eze, Nwosu, Adebayo, Mensah, Owusu, Asante, Boateng, "
              "Oyelaran, Afolabi, Nwachukwu, Ogunleye, Danso, Ibekwe, Appiah"),
    ),
    "indian": (
        split("Aarav, Arjun, Rohan, Vikram, Karthik, Aditya, Siddharth, Rahul, Nikhil, Harish, Sanjay, Ishaan, "
              "Varun, Priya, Ananya, Kavya, Divya, Meera, Sneha, Aishwarya, Lakshmi, Pooja, Shreya, Deepika, "
              "Neha, Tanvi"),
        split("Sharma, Patel, Iyer, Reddy, Nair, Menon, Rao, Gupta, Krishnan, Kulkarni, Desai, Banerjee, "
              "Chatterjee, Mehta, Subramanian, Joshi, Pillai, Venkatesh, Bhat, Shetty, Kapoor, Singh, Agarwal, "
              "Hegde, Mukherjee, Naidu"),
    ),
    "chinese": (
        split("Wei, Jing, Xinyi, Yifan, Hao, Mei, Zhiwei, Yuxuan, Jiahui, Ming, Jun, Kai, Ling, Jun Jie, "
              "Wei Ling, Li Ting, Hui Min, Zi Xuan, Shu Fen, Bo"),
        split("Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Lim, Tan, Ng, Lee, Goh, Ong, "
              "Teo, Koh, Chua, Lau"),
    ),
    "japanese": (
        split("Haruto, Yuto, Sota, Ren, Kenji, Takumi, Hiroshi, Daisuke, Kaito, Yui, Aoi, Hina, Sakura, Yuki, "
              "Haruka, Emi, Naoko, Mio"),
        split("Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Kato, Yoshida, "
              "Yamada, Sasaki, Matsumoto, Inoue, Kimura, Hayashi, Fujita"),
    ),
    "korean": (
        split("Minjun, Seojun, Jiwoo, Hyunwoo, Dohyun, Jaehyun, Taeyang, Jisoo, Seoyeon, Minji, Yuna, Hana, "
              "Eunji, Soyeon"),
        split("Kim, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Han, Oh, Seo, Shin, Kwon, Hwang"),
    ),
    "vietnamese": (
        split("Minh, Linh, Anh, Huong, Thao, Duc, Quang, Trang, Khanh, Phuong, Tuan, Hanh"),
        split("Nguyen, Tran, Le, Pham, Hoang, Vu, Dang, Bui, Do, Ngo"),
    ),
    "indonesian": (
        split("Putri, Dewi, Ayu, Budi, Rizky, Adi, Sari, Indra, Wulan, Bayu"),
        split("Santoso, Wijaya, Pratama, Halim, Kusuma, Hidayat, Saputra, Gunawan"),
    ),
    "arabic": (
        split("Omar, Youssef, Karim, Ahmed, Hassan, Tariq, Rami, Sami, Zaid, Nadia, Layla, Yasmin, Salma, "
              "Rania, Amira, Leila, Mariam, Nour"),
        split("Haddad, Khalil, Mansour, Nasser, Saleh, Farouk, Aziz, Hamdan, El-Amin, Rahman, Hussein, Said, "
              "Darwish, Abboud, Karam, Othman, Benali, El Idrissi, Bouzid"),
    ),
    "turkish": (
        split("Emre, Can, Burak, Mehmet, Mert, Cem, Kerem, Elif, Zeynep, Ayşe, Deniz, Selin, Ece, Defne"),
        split("Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Aydın, Öztürk, Arslan, Doğan, Koç, Kurt, Özdemir, "
              "Polat"),
    ),
    "persian": (
        split("Arash, Dariush, Navid, Kian, Sina, Babak, Shirin, Parisa, Roya, Leyla, Mina, Nasrin"),
        split("Hosseini, Rahimi, Karimi, Moradi, Jafari, Ahmadi, Rezaei, Tehrani, Farahani, Sadeghi, "
              "Ebrahimi, Ghorbani"),
    ),
    "greek": (
        split("Nikos, Giorgos, Dimitris, Yannis, Christos, Kostas, Eleni, Katerina, Anastasia, Ioanna, "
              "Despina, Maria"),
        split("Papadopoulos, Georgiou, Nikolaou, Papadakis, Dimitriou, Konstantinou, Vlachos, Alexiou, "
              "Karagiannis, Economou"),
    ),
}
REGION_KEYS = list(NAME_REGIONS.keys())

# Background mix of name origins present in every big city.
GLOBAL_NAME_MIX = {
    "english": 5, "indian": 3, "chinese": 2, "german": 1.5, "french": 1.5, "spanish": 2, "portuguese": 1.5,
    "italian": 1, "dutch": 0.7, "nordic": 0.7, "central_eastern": 1.5, "east_african": 0.8,
    "west_african": 1.2, "japanese": 0.7, "korean": 0.8, "vietnamese": 0.7, "indonesian": 0.4,
    "arabic": 1.2, "turkish": 0.8, "persian": 0.8, "greek": 0.6,
}

# city -> (display location, continent, local name mix)
CITIES = {
    "Berlin": ("Berlin, Germany", "europe", {"german": 38, "turkish": 6, "central_eastern": 5}),
    "Lisbon": ("Lisbon, Portugal", "europe", {"portuguese": 50}),
    "London": ("London, United Kingdom", "europe", {"english": 32, "indian": 8, "west_african": 5}),
    "Amsterdam": ("Amsterdam, Netherlands", "europe", {"dutch": 42}),
    "Paris": ("Paris, France", "europe", {"french": 45, "arabic": 7}),
    "Stockholm": ("Stockholm, Sweden", "europe", {"nordic": 55}),
    "Copenhagen": ("Copenhagen, Denmark", "europe", {"nordic": 55}),
    "Barcelona": ("Barcelona, Spain", "europe", {"spanish": 50}),
    "Dublin": ("Dublin, Ireland", "europe", {"english": 45}),
    "Zürich": ("Zürich, Switzerland", "europe", {"german": 40, "italian": 8, "french": 8}),
    "Warsaw": ("Warsaw, Poland", "europe", {"central_eastern": 65}),
    "Athens": ("Athens, Greece", "europe", {"greek": 70}),
    "Istanbul": ("Istanbul, Türkiye", "europe", {"turkish": 70}),
    "Toronto": ("Toronto, Canada", "americas", {"english": 26, "chinese": 8, "indian": 8, "persian": 5, "korean": 3}),
    "Montréal": ("Montréal, Canada", "americas", {"french": 40, "english": 15, "arabic": 5}),
    "New York": ("New York, United States", "americas", {"english": 30, "spanish": 8, "chinese": 5, "indian": 5, "west_african": 3}),
    "San Francisco": ("San Francisco, United States", "americas", {"english": 25, "chinese": 10, "indian": 12, "korean": 3, "vietnamese": 4, "spanish": 5}),
    "Seattle": ("Seattle, United States", "americas", {"english": 28, "indian": 8, "chinese": 6}),
    "Austin": ("Austin, United States", "americas", {"english": 30, "spanish": 10}),
    "Boston": ("Boston, United States", "americas", {"english": 30, "chinese": 5, "indian": 5}),
    "São Paulo": ("São Paulo, Brazil", "americas", {"portuguese": 65, "japanese": 5, "italian": 5, "arabic": 3}),
    "Mexico City": ("Mexico City, Mexico", "americas", {"spanish": 75}),
    "Nairobi": ("Nairobi, Kenya", "africa", {"east_african": 70, "indian": 4}),
    "Kampala": ("Kampala, Uganda", "africa", {"east_african": 75}),
    "Kigali": ("Kigali, Rwanda", "africa", {"east_african": 75}),
    "Lagos": ("Lagos, Nigeria", "africa", {"west_african": 80}),
    "Accra": ("Accra, Ghana", "africa", {"west_african": 80}),
    "Cape Town": ("Cape Town, South Africa", "africa", {"english": 25, "east_african": 5}),
    "Bangalore": ("Bangalore, India", "asia", {"indian": 85}),
    "Singapore": ("Singapore", "asia", {"chinese": 50, "indian": 12, "indonesian": 6, "vietnamese": 4}),
    "Tokyo": ("Tokyo, Japan", "asia", {"japanese": 85}),
    "Seoul": ("Seoul, South Korea", "asia", {"korean": 85}),
    "Jakarta": ("Jakarta, Indonesia", "asia", {"indonesian": 80}),
    "Ho Chi Minh City": ("Ho Chi Minh City, Vietnam", "asia", {"vietnamese": 80}),
    "Dubai": ("Dubai, United Arab Emirates", "asia", {"arabic": 25, "indian": 20, "english": 8}),
}
CITY_KEYS = list(CITIES.keys())
REMOTE_CITY_WEIGHT = {c: 1.0 for c in CITY_KEYS}
for _c, _w in {"Berlin": 4, "London": 4, "Lisbon": 3, "Amsterdam": 3, "Paris": 2.5, "New York": 3,
               "San Francisco": 3, "Toronto": 2, "Barcelona": 2, "Stockholm": 1.5, "Bangalore": 2,
               "Singapore": 1.5, "São Paulo": 1.5, "Nairobi": 1.5}.items():
    REMOTE_CITY_WEIGHT[_c] = _w

INDUSTRIES = ["software", "climate", "fintech", "health", "design", "university", "vc", "media"]

# (name, industry, city, ring, size weight, domain)
# ring: 1 = close to me (design / software around Berlin & Lisbon) ... 4 = far away.
# ring 0 marks the small separate cluster that is unreachable from me.
ORGS = [
    # software
    ("Tessellate", "software", "Berlin", 1, 3.0, "tessellate.io"),
    ("Parcel Forge", "software", "Berlin", 1, 1.5, "parcelforge.dev"),
    ("Quillstack", "software", "Lisbon", 1, 1.5, "quillstack.io"),
    ("Loomwork", "software", "London", 1, 2.0, "loomwork.co.uk"),
    ("Openfield", "software", "Berlin", 2, 1.5, "openfield.dev"),
    ("Brightfold", "software", "Amsterdam", 2, 2.0, "brightfold.nl"),
    ("Ferrous Labs", "software", "London", 2, 1.5, "ferrouslabs.io"),
    ("Nimbleware", "software", "Paris", 2, 1.5, "nimbleware.fr"),
    ("Sable Systems", "software", "Stockholm", 2, 1.2, "sablesystems.se"),
    ("Helio Compute", "software", "San Francisco", 2, 4.0, "heliocompute.com"),
    ("Cobalt Harbor", "software", "Toronto", 3, 1.5, "cobaltharbor.ca"),
    ("Stackyard", "software", "New York", 3, 2.0, "stackyard.com"),
    ("Gridline Software", "software", "San Francisco", 3, 1.5, "gridline.dev"),
    ("Tamarind Tech", "software", "Bangalore", 3, 3.0, "tamarind.tech"),
    ("Kopi Labs", "software", "Singapore", 4, 1.5, "kopilabs.sg"),
    ("Caju Digital", "software", "São Paulo", 4, 1.5, "caju.digital"),
    ("Mtaa Labs", "software", "Nairobi", 0, 1.0, "mtaalabs.co.ke"),
    # climate tech
    ("Verdant Grid", "climate", "Berlin", 2, 2.0, "verdantgrid.energy"),
    ("Tidewater Energy", "climate", "Amsterdam", 2, 1.5, "tidewater.energy"),
    ("Carbonsmith", "climate", "London", 2, 1.5, "carbonsmith.earth"),
    ("Heliostat Works", "climate", "Lisbon", 2, 1.2, "heliostat.works"),
    ("Sunkraft", "climate", "Copenhagen", 2, 1.2, "sunkraft.dk"),
    ("Canopy Analytics", "climate", "Paris", 3, 1.2, "canopy-analytics.fr"),
    ("Rivermark Climate", "climate", "New York", 3, 1.2, "rivermark.earth"),
    ("Driftwood Carbon", "climate", "San Francisco", 3, 1.5, "driftwoodcarbon.com"),
    ("Borealis Heat", "climate", "Toronto", 3, 1.2, "borealisheat.ca"),
    ("Monsoon Solar", "climate", "Bangalore", 4, 1.5, "monsoonsolar.in"),
    ("Terraloop", "climate", "São Paulo", 4, 1.2, "terraloop.com.br"),
    ("Jua Power Cooperative", "climate", "Nairobi", 0, 1.0, "juapower.coop"),
    # fintech
    ("Ledgerline", "fintech", "London", 2, 3.0, "ledgerline.com"),
    ("Kestrel Pay", "fintech", "Berlin", 2, 1.5, "kestrelpay.de"),
    ("Mintleaf", "fintech", "Amsterdam", 2, 1.5, "mintleaf.nl"),
    ("Finch & Fold", "fintech", "Lisbon", 2, 1.0, "finchandfold.pt"),
    ("Northbeam Finance", "fintech", "Toronto", 3, 1.2, "northbeam.finance"),
    ("Clearwater Payments", "fintech", "New York", 3, 1.5, "clearwaterpay.com"),
    ("Straits Ledger", "fintech", "Singapore", 4, 1.2, "straitsledger.sg"),
    ("Rupeeflow", "fintech", "Bangalore", 4, 1.5, "rupeeflow.in"),
    ("Baobab Pay", "fintech", "Nairobi", 4, 1.2, "baobabpay.co.ke"),
    ("Pix Ponte", "fintech", "São Paulo", 4, 1.2, "pixponte.com.br"),
    # health
    ("Medley Health", "health", "Berlin", 2, 1.5, "medley.health"),
    ("Pulsewise", "health", "London", 3, 1.5, "pulsewise.co.uk"),
    ("Carelane", "health", "Amsterdam", 3, 1.2, "carelane.nl"),
    ("Ostara Bio", "health", "Paris", 3, 1.2, "ostarabio.fr"),
    ("Vitalis Digital", "health", "New York", 3, 1.5, "vitalis.health"),
    ("Kindred Clinics", "health", "Toronto", 4, 1.2, "kindredclinics.ca"),
    ("Afya Link", "health", "Nairobi", 4, 1.0, "afyalink.co.ke"),
    ("Sanjeevani Health", "health", "Bangalore", 4, 1.5, "sanjeevani.health"),
    ("Lumen Diagnostics", "health", "Singapore", 4, 1.0, "lumendx.sg"),
    # design agencies
    ("Studio Halftone", "design", "Berlin", 1, 1.5, "halftone.studio"),
    ("Fold & Field", "design", "Lisbon", 1, 1.2, "foldandfield.pt"),
    ("Kerning Collective", "design", "Amsterdam", 1, 1.2, "kerning.nl"),
    ("Marigold Studio", "design", "London", 1, 1.2, "marigold.studio"),
    ("Atelier Nord", "design", "Paris", 2, 1.0, "ateliernord.fr"),
    ("Plainsight Design", "design", "New York", 2, 1.2, "plainsight.design"),
    ("Hue & Cry", "design", "Toronto", 2, 1.0, "hueandcry.ca"),
    ("Tropa Design", "design", "São Paulo", 3, 1.0, "tropa.design"),
    ("Origami Works", "design", "Singapore", 3, 1.0, "origami.works"),
    ("Rangoli Design Co.", "design", "Bangalore", 3, 1.0, "rangoli.design"),
    # universities (fictional)
    ("Spreewald Institute of Technology", "university", "Berlin", 2, 1.8, "spreewald-tech.de"),
    ("Lisbon School of Design and Computation", "university", "Lisbon", 2, 1.2, "lsdc.pt"),
    ("Amstel University", "university", "Amsterdam", 3, 1.5, "amstel-uni.nl"),
    ("Thames Polytechnic University", "university", "London", 3, 1.5, "thamespoly.ac.uk"),
    ("École Supérieure de Design Numérique", "university", "Paris", 3, 1.0, "esdn.fr"),
    ("Lakeshore University", "university", "Toronto", 3, 1.5, "lakeshoreu.ca"),
    ("Bayview Institute of Technology", "university", "San Francisco", 3, 1.5, "bayview-tech.edu"),
    ("Deccan Institute of Science", "university", "Bangalore", 4, 1.5, "deccan-science.ac.in"),
    ("Merlion Institute of Design", "university", "Singapore", 4, 1.0, "merlion-design.edu.sg"),
    ("Instituto Ipiranga de Tecnologia", "university", "São Paulo", 4, 1.0, "ipiranga-tec.br"),
    ("Kilimani Institute of Technology", "university", "Nairobi", 0, 0.8, "kilimani-tech.ac.ke"),
    # VC funds
    ("Kettle Ventures", "vc", "Berlin", 2, 0.8, "kettle.vc"),
    ("Foundry Lane Ventures", "vc", "London", 2, 0.8, "foundrylane.vc"),
    ("Tern Capital", "vc", "Amsterdam", 2, 0.7, "terncapital.com"),
    ("Greenhouse Fund", "vc", "Paris", 2, 0.7, "greenhouse.fund"),
    ("Switchback Ventures", "vc", "San Francisco", 2, 1.0, "switchback.vc"),
    ("Saltmarsh Partners", "vc", "New York", 3, 0.8, "saltmarsh.partners"),
    ("Banyan Seed", "vc", "Singapore", 3, 0.7, "banyanseed.vc"),
    ("Ipê Ventures", "vc", "São Paulo", 4, 0.7, "ipe.vc"),
    # media
    ("The Interface Review", "media", "London", 2, 0.8, "interfacereview.com"),
    ("Ampersand Magazine", "media", "Amsterdam", 2, 0.7, "ampersandmag.com"),
    ("Grid Notes", "media", "Berlin", 2, 0.6, "gridnotes.news"),
    ("Signal & Noise", "media", "New York", 2, 0.8, "signalandnoise.fm"),
    ("Kernel Weekly", "media", "San Francisco", 3, 0.8, "kernelweekly.com"),
    ("Maré Media", "media", "Lisbon", 3, 0.6, "maremedia.pt"),
    ("The Equator Brief", "media", "Nairobi", 4, 0.6, "equatorbrief.com"),
    ("Straits Tech Daily", "media", "Singapore", 4, 0.7, "straitstechdaily.sg"),
]
ORG_INDEX = {o[0]: i for i, o in enumerate(ORGS)}
MAIN_ORGS = [i for i, o in enumerate(ORGS) if o[3] > 0]
CLUSTER_ORGS = [i for i, o in enumerate(ORGS) if o[3] == 0]
ME_ORG = ORG_INDEX["Tessellate"]
INDEPENDENT = "Independent"

SENIORITIES = ["junior", "mid", "senior", "lead", "exec"]
SENIORITY_WEIGHTS = [0.18, 0.34, 0.26, 0.14, 0.08]

TITLES = {
    "software": {
        "junior": ["Software Engineer", "Junior Product Designer", "Frontend Developer", "Data Analyst",
                   "Associate Product Manager", "QA Engineer"],
        "mid": ["Software Engineer", "Product Designer", "Backend Engineer", "Product Manager", "Data Scientist",
                "UX Researcher", "Developer Advocate", "Site Reliability Engineer", "iOS Engineer"],
        "senior": ["Senior Software Engineer", "Senior Product Designer", "Senior Product Manager",
                   "Staff Engineer", "Senior UX Researcher", "Design Engineer", "Senior Data Scientist"],
        "lead": ["Engineering Manager", "Design Lead", "Principal Engineer", "Group Product Manager",
                 "Head of Design", "Head of Product", "Head of Developer Relations"],
        "exec": ["CTO", "Co-founder & CEO", "VP Engineering", "VP Product", "Chief Design Officer",
                 "Co-founder & CPO"],
    },
    "climate": {
        "junior": ["Energy Analyst", "Junior Data Engineer", "Sustainability Analyst", "Field Engineer"],
        "mid": ["Energy Systems Engineer", "Carbon Markets Analyst", "Climate Data Scientist", "Product Designer",
                "Hardware Engineer", "Software Engineer", "Partnerships Manager"],
        "senior": ["Senior Energy Systems Engineer", "Senior Product Manager", "Senior Climate Scientist",
                   "Lead MRV Scientist", "Senior Software Engineer", "Senior Policy Advisor"],
        "lead": ["Head of Partnerships", "Sustainability Lead", "Head of Engineering", "Policy Lead",
                 "Head of Product", "Director of Carbon Removal"],
        "exec": ["Founder & CEO", "Co-founder & CTO", "Chief Scientist", "COO"],
    },
    "fintech": {
        "junior": ["Risk Analyst", "Junior Backend Engineer", "Compliance Analyst", "Product Analyst"],
        "mid": ["Backend Engineer", "Product Manager", "Product Designer", "Fraud Analyst", "Data Engineer",
                "Mobile Engineer"],
        "senior": ["Senior Backend Engineer", "Senior Product Designer", "Quant Developer",
                   "Senior Product Manager", "Staff Engineer"],
        "lead": ["Compliance Lead", "Head of Payments", "Design Director", "Engineering Manager",
                 "Head of Risk"],
        "exec": ["CFO", "Co-founder & CEO", "CTO", "Chief Product Officer"],
    },
    "health": {
        "junior": ["Clinical Data Analyst", "Junior UX Designer", "Health Data Engineer", "Research Assistant"],
        "mid": ["Product Designer", "Health Data Engineer", "UX Researcher", "Software Engineer",
                "Clinical Operations Manager", "Regulatory Affairs Specialist"],
        "senior": ["Senior Product Designer", "Clinical Product Lead", "Senior UX Researcher",
                   "Senior Software Engineer", "Regulatory Affairs Manager"],
        "lead": ["Medical Director", "Head of Clinical Product", "Head of Design", "Engineering Manager"],
        "exec": ["Co-founder & CEO", "Chief Medical Officer", "CTO"],
    },
    "design": {
        "junior": ["Junior Designer", "Design Intern", "Junior Brand Designer", "Motion Designer"],
        "mid": ["Designer", "Brand Designer", "Service Designer", "UX Designer", "Motion Designer",
                "Design Strategist", "Illustrator"],
        "senior": ["Senior Designer", "Senior Service Designer", "Senior Brand Designer", "Lead Researcher",
                   "Senior Design Strategist"],
        "lead": ["Design Director", "Creative Director", "Associate Partner", "Head of Research"],
        "exec": ["Partner", "Founder & Creative Director", "Managing Director"],
    },
    "university": {
        "junior": ["PhD Candidate", "Research Assistant", "MSc Student"],
        "mid": ["Postdoctoral Researcher", "Research Software Engineer", "Lab Manager", "Lecturer"],
        "senior": ["Assistant Professor", "Senior Lecturer", "Senior Research Scientist"],
        "lead": ["Associate Professor", "Director, HCI Lab", "Head of Department"],
        "exec": ["Professor of Human-Computer Interaction", "Professor of Computer Science", "Dean of Design",
                 "Professor of Energy Systems"],
    },
    "vc": {
        "junior": ["Analyst", "Investment Analyst", "Scout"],
        "mid": ["Associate", "Platform Manager", "Senior Associate"],
        "senior": ["Principal", "Head of Platform", "Venture Partner"],
        "lead": ["Partner", "Investment Director"],
        "exec": ["General Partner", "Managing Partner", "Founding Partner"],
    },
    "media": {
        "junior": ["Reporter", "Editorial Assistant", "Audience Producer"],
        "mid": ["Tech Reporter", "Podcast Producer", "Newsletter Writer", "Staff Writer"],
        "senior": ["Senior Editor", "Tech Correspondent", "Climate Correspondent", "Features Editor"],
        "lead": ["Deputy Editor", "Head of Audience", "Executive Producer"],
        "exec": ["Editor-in-Chief", "Publisher", "Founder & Host"],
    },
}

INDEPENDENT_TITLES = {
    "software": ["Freelance iOS Developer", "Fractional CTO", "Independent Software Consultant",
                 "Open-source Maintainer"],
    "design": ["Independent Product Designer", "Freelance Brand Designer", "Design Systems Consultant",
               "Illustrator & Type Designer"],
    "climate": ["Independent Climate Advisor", "Energy Transition Consultant"],
    "vc": ["Angel Investor", "Angel Investor & Advisor"],
    "media": ["Freelance Journalist", "Writer & Podcaster", "Newsletter Author"],
}

CONTINENT_NEIGHBOURS = {c: [k for k in CITY_KEYS if CITIES[k][1] == CITIES[c][1]] for c in CITY_KEYS}


# ---------------------------------------------------------------------------
# Helpers for identities.
# ---------------------------------------------------------------------------

FOLD = {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
        "ı": "i", "œ": "oe", "Œ": "Oe", "þ": "th", "ð": "d"}


def ascii_fold(s):
    s = "".join(FOLD.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def alnum_lower(s):
    return "".join(ch for ch in ascii_fold(s).lower() if ch.isalnum() and ch.isascii())


def slug(s):
    out = []
    prev_dash = False
    for ch in ascii_fold(s).lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            prev_dash = False
        elif ch in " -" and not prev_dash and out:
            out.append("-")
            prev_dash = True
    return "".join(out).strip("-")


BASE32 = "abcdefghijklmnopqrstuvwxyz234567"
MASTODON_HOSTS = ["mastodon.social", "hachyderm.io", "fosstodon.org", "mas.to", "mastodon.online",
                  "social.coop", "mstdn.social", "infosec.exchange"]
MASTODON_HOST_WEIGHTS = [6, 4, 3, 2, 2, 1, 1, 1]
PERSONAL_MAIL = ["gmail.com", "proton.me", "fastmail.com", "outlook.com", "icloud.com", "hey.com",
                 "posteo.de", "mailbox.org"]
PERSONAL_MAIL_WEIGHTS = [10, 3, 2, 2, 2, 1, 1.5, 1]

X_SUFFIX = {"software": ["dev", "codes", "builds"], "design": ["design", "makes", "draws"],
            "climate": ["climate", "energy"], "vc": ["vc", "invests"], "media": ["writes", "news"],
            "fintech": ["pays", "fin"], "health": ["health", "md"], "university": ["phd", "lab"]}


# ---------------------------------------------------------------------------
# The generator.
# ---------------------------------------------------------------------------

LEVEL_COUNTS = [(1, 150), (2, 644), (3, 450), (4, 180), (5, 45)]
CLUSTER_LEVEL = 100          # separate component: never within 1 of any main level
CLUSTER_SIZE = 30
N_PEOPLE = 1 + sum(c for _, c in LEVEL_COUNTS) + CLUSTER_SIZE  # 1500

TAGS = [("Mentors", 90), ("Investors", 60), ("Former colleagues", 180), ("Climate", None), ("Design", None),
        ("Hiring", None), ("Conference 2026", None), ("Close friends", 30), ("Community", None)]
TAG_CADENCE = dict(TAGS)


class Person:
    __slots__ = ("idx", "level", "name", "first", "last", "region", "org", "industry", "city", "seniority",
                 "title", "fitness", "famous", "identities", "tags", "notes", "follow_up")

    def __init__(self, idx, level):
        self.idx = idx
        self.level = level
        self.famous = False
        self.identities = []
        self.tags = []
        self.notes = []
        self.follow_up = None


class Network:
    def __init__(self):
        self.links = {}            # (from, to, kind) -> confidence
        self.adj = [set() for _ in range(N_PEOPLE)]
        self.people = []

    def allowed(self, u, v):
        return u != v and abs(self.people[u].level - self.people[v].level) <= 1

    def add(self, u, v, kind, conf=1.0):
        assert self.allowed(u, v), (u, v, kind)
        key = (u, v, kind)
        if key in self.links:
            return False
        self.links[key] = conf
        self.adj[u].add(v)
        self.adj[v].add(u)
        return True

    def add_mutual(self, u, v, kind, conf=1.0):
        a = self.add(u, v, kind, conf)
        b = self.add(v, u, kind, conf)
        return a or b

    def has(self, u, v, kind):
        return (u, v, kind) in self.links


def name_region_for(city):
    local = CITIES[city][2]
    regions = REGION_KEYS
    weights = [GLOBAL_NAME_MIX.get(r, 0.5) + local.get(r, 0) for r in regions]
    return pick_weighted(regions, weights)


def make_name(city, used):
    for _ in range(1000):
        region = name_region_for(city)
        firsts, lasts = NAME_REGIONS[region]
        first = pick(firsts)
        if chance(0.05):  # mixed-heritage / married names
            first = pick(NAME_REGIONS[pick(REGION_KEYS)][0])
        last = pick(lasts)
        full = first + " " + last
        if full not in used:
            used.add(full)
            return first, last, region
    raise RuntimeError("name space exhausted")


def choose_title(industry, seniority, independent=False):
    if independent:
        return pick(INDEPENDENT_TITLES[industry])
    return pick(TITLES[industry][seniority])


def build_people(net):
    used_names = set()
    me = Person(0, 0)
    me.first, me.last, me.region = "Noa", "Kessler", "german"
    me.name = "Noa Kessler"
    used_names.add(me.name)
    me.org = ME_ORG
    me.industry = "software"
    me.city = "Berlin"
    me.seniority = "senior"
    me.title = "Senior Product Designer & Design Engineer"
    me.fitness = 1.0
    net.people.append(me)

    levels = []
    for lvl, cnt in LEVEL_COUNTS:
        levels += [lvl] * cnt
    levels += [CLUSTER_LEVEL] * CLUSTER_SIZE
    shuffle(levels)

    for i, lvl in enumerate(levels, start=1):
        p = Person(i, lvl)
        if lvl == CLUSTER_LEVEL:
            org = pick_weighted(CLUSTER_ORGS, [ORGS[o][4] for o in CLUSTER_ORGS])
        else:
            weights = [ORGS[o][4] * math.exp(-1.15 * abs(ORGS[o][3] - min(lvl, 4))) for o in MAIN_ORGS]
            org = pick_weighted(MAIN_ORGS, weights)
        o_name, o_ind, o_city, o_ring, _, _ = ORGS[org]
        independent = lvl != CLUSTER_LEVEL and chance(0.025)
        if independent:
            p.org = None
            p.industry = pick_weighted(["design", "software", "climate", "vc", "media"], [4, 3, 1.5, 1, 1.5])
        else:
            p.org = org
            p.industry = o_ind
        # location: mostly the organisation's city, otherwise remote
        if lvl == CLUSTER_LEVEL:
            p.city = o_city if chance(0.8) else pick(["Kampala", "Kigali", "Nairobi"])
        elif chance(0.93 if p.industry in ("university", "design") else 0.8):
            p.city = o_city
        elif chance(0.8):
            p.city = pick_weighted(CONTINENT_NEIGHBOURS[o_city],
                                   [REMOTE_CITY_WEIGHT[c] for c in CONTINENT_NEIGHBOURS[o_city]])
        else:
            p.city = pick_weighted(CITY_KEYS, [REMOTE_CITY_WEIGHT[c] for c in CITY_KEYS])
        p.first, p.last, p.region = make_name(p.city, used_names)
        p.name = p.first + " " + p.last
        p.seniority = pick_weighted(SENIORITIES, SENIORITY_WEIGHTS)
        p.title = choose_title(p.industry, p.seniority, independent)
        # heavy-tailed attractiveness for follows
        f = (1.0 - rng.random()) ** (-1.0 / 2.2)
        f *= {"junior": 0.7, "mid": 0.9, "senior": 1.1, "lead": 1.5, "exec": 2.0}[p.seniority]
        if p.industry in ("media", "vc"):
            f *= 1.4
        p.fitness = min(f, 12.0)
        net.people.append(p)

    # A handful of well-known people: 4 among my direct contacts, 10 at distance 2, 1 in the cluster.
    famous_industries = ["design", "vc", "media", "software", "climate", "university"]
    for lvl, count in ((1, 4), (2, 10), (CLUSTER_LEVEL, 1)):
        cands = [p for p in net.people[1:] if p.level == lvl and p.org is not None and p.industry in famous_industries]
        chosen = []
        while len(chosen) < count:
            c = pick(cands)
            if c not in chosen:
                chosen.append(c)
        for p in chosen:
            p.famous = True
            p.seniority = pick(["lead", "exec"])
            p.title = choose_title(p.industry, p.seniority)
            p.fitness = uniform(28.0, 75.0) if lvl != CLUSTER_LEVEL else 8.0
            p.city = ORGS[p.org][2]


def affinity(a, b, w_org, w_ind, w_city):
    s = 1.0
    if a.org is not None and a.org == b.org:
        s += w_org
    if a.industry == b.industry:
        s += w_ind
    if a.city == b.city:
        s += w_city
    return s


def pools_by_level(net):
    pools = {}
    for lvl in [l for l, _ in LEVEL_COUNTS] + [CLUSTER_LEVEL]:
        pools[lvl] = [p.idx for p in net.people[1:] if abs(p.level - lvl) <= 1]
    return pools


def sample_distinct(cands, cum, k, exclude):
    chosen = []
    seen = set(exclude)
    tries = 0
    while len(chosen) < k and tries < k * 20:
        tries += 1
        v = pick_cum(cands, cum)
        if v in seen:
            continue
        seen.add(v)
        chosen.append(v)
    return chosen


KNOWS_CONF = [1.0, 1.0, 1.0, 0.9, 0.8, 0.8, 0.7, 0.6, 0.5]


def build_links(net):
    P = net.people
    me = P[0]
    pools = pools_by_level(net)

    # --- me and my ~150 direct contacts --------------------------------------
    direct = [p.idx for p in P[1:] if p.level == 1]
    for v in direct:
        q = P[v]
        if q.famous:
            net.add(0, v, "follows")
            continue
        if q.org == me.org:
            net.add_mutual(0, v, "colleague")
            if chance(0.4):
                net.add_mutual(0, v, "connection")
            continue
        r = rng.random()
        if r < 0.42:
            net.add_mutual(0, v, "connection")
            if chance(0.25):
                net.add(0, v, "follows")
        elif r < 0.72:
            net.add(0, v, "follows")
            if chance(0.22):
                net.add(v, 0, "follows")
        elif r < 0.87:
            net.add(v, 0, "follows")
        else:
            net.add(0, v, "knows", pick(KNOWS_CONF))
            if chance(0.4):
                net.add(v, 0, "follows")

    # --- colleagues: within each organisation -------------------------------
    members = {}
    for p in P[1:]:
        if p.org is not None:
            members.setdefault(p.org, []).append(p.idx)
    for org in sorted(members):
        ms = members[org]
        for u in ms:
            want = min(len(ms) - 1, int(expo(1.5)) + (1 if len(ms) <= 6 else 0))
            cands = [v for v in ms if v != u and net.allowed(u, v)]
            shuffle(cands)
            for v in cands[:want]:
                net.add_mutual(u, v, "colleague")

    # --- LinkedIn-style connections across organisations ---------------------
    for u in range(1, N_PEOPLE):
        pu = P[u]
        want = int(expo(1.7))
        if pu.seniority in ("lead", "exec"):
            want += 1
        if want == 0:
            continue
        cands = pools[pu.level]
        weights = [affinity(pu, P[v], 5.0, 3.0, 4.0) * math.sqrt(P[v].fitness) for v in cands]
        for v in sample_distinct(cands, cumulative(weights), want, [u]):
            net.add_mutual(u, v, "connection")

    # --- follows: heavy-tailed popularity x community -----------------------
    follow_pairs = []
    for u in range(1, N_PEOPLE):
        pu = P[u]
        if chance(0.06):
            continue  # lurkers who follow nobody
        want = min(40, int(math.exp(1.55 + 0.65 * gauss01())))
        if pu.industry in ("media", "vc", "software", "design"):
            want += 1
        cands = pools[pu.level]
        weights = [P[v].fitness * affinity(pu, P[v], 3.0, 3.0, 2.5) for v in cands]
        for v in sample_distinct(cands, cumulative(weights), want, [u]):
            if net.add(u, v, "follows"):
                follow_pairs.append((u, v))
    # some follows are reciprocated
    for u, v in follow_pairs:
        if chance(0.085):
            net.add(v, u, "follows")

    # --- knows: met in person, same city mostly ------------------------------
    for _ in range(420):
        u = rand_int(1, N_PEOPLE - 1)
        pu = P[u]
        cands = pools[pu.level]
        weights = [affinity(pu, P[v], 1.0, 1.5, 10.0) for v in cands]
        vs = sample_distinct(cands, cumulative(weights), 1, [u])
        if vs:
            net.add(u, vs[0], "knows", pick(KNOWS_CONF))

    # --- related (rare): family, partners ------------------------------------
    for _ in range(28):
        u = rand_int(1, N_PEOPLE - 1)
        pu = P[u]
        cands = pools[pu.level]
        weights = [1.0 + (30.0 if P[v].city == pu.city else 0.0) for v in cands]
        vs = sample_distinct(cands, cumulative(weights), 1, [u])
        if vs:
            net.add(u, vs[0], "related", pick([1.0, 1.0, 0.9, 0.8, 0.7, 0.6, 0.5]))

    # --- guarantee the intended distance from me -----------------------------
    for lvl in (2, 3, 4, 5):
        up = [p.idx for p in P[1:] if p.level == lvl - 1]
        for u in [p.idx for p in P[1:] if p.level == lvl]:
            if any(P[v].level == lvl - 1 for v in net.adj[u]):
                continue
            pu = P[u]
            weights = [affinity(pu, P[v], 6.0, 3.0, 4.0) * math.sqrt(P[v].fitness) for v in up]
            v = pick_weighted(up, weights)
            r = rng.random()
            if r < 0.6:
                net.add(u, v, "follows")
            elif r < 0.9:
                net.add_mutual(u, v, "connection")
            else:
                net.add(u, v, "knows", pick(KNOWS_CONF))
    # every cluster member is linked to someone in the cluster
    cluster = [p.idx for p in P[1:] if p.level == CLUSTER_LEVEL]
    for u in cluster:
        if not net.adj[u]:
            v = pick([c for c in cluster if c != u])
            net.add_mutual(u, v, "connection")


_gauss_spare = []


def gauss01():
    """Standard normal via Box-Muller on rng.random() (version independent)."""
    if _gauss_spare:
        return _gauss_spare.pop()
    u1 = 1.0 - rng.random()
    u2 = rng.random()
    r = math.sqrt(-2.0 * math.log(u1))
    _gauss_spare.append(r * math.sin(2 * math.pi * u2))
    return r * math.cos(2 * math.pi * u2)


# ---------------------------------------------------------------------------
# Identities
# ---------------------------------------------------------------------------

class IdentityFactory:
    def __init__(self):
        self.keys = set()      # (network, key)
        self.handles = set()   # (network, handle)

    def _unique(self, network, make):
        for attempt in range(200):
            key, handle = make(attempt)
            if (network, key) not in self.keys and (handle is None or (network, handle) not in self.handles):
                self.keys.add((network, key))
                if handle is not None:
                    self.handles.add((network, handle))
                return key, handle
        raise RuntimeError("could not make unique identity")

    def linkedin(self, p):
        base = slug(p.name)

        def make(attempt):
            if attempt == 0 and chance(0.15):
                return base, None
            if chance(0.8):
                return base + "-" + digits(rand_int(3, 4), first_nonzero=True), None
            return base + "-" + "".join(pick("0123456789abcdef") for _ in range(8)), None
        key, _ = self._unique("linkedin", make)
        return {"network": "linkedin", "key": key, "handle": None, "url": "https://www.linkedin.com/in/" + key}

    def _name_variants(self, p):
        f, l = alnum_lower(p.first), alnum_lower(p.last)
        return f, l

    def bsky(self, p):
        f, l = self._name_variants(p)

        def make(attempt):
            did = "did:plc:" + "".join(pick(BASE32) for _ in range(24))
            opts = [f + l, f + "-" + l, f[0] + l, f, l + f[:1]]
            label = pick(opts) if attempt < 3 else f + l + str(rand_int(2, 99))
            label = label[:30]
            return did, label + ".bsky.social"
        key, handle = self._unique("bsky", make)
        return {"network": "bsky", "key": key, "handle": handle, "url": "https://bsky.app/profile/" + handle}

    def mastodon(self, p):
        f, l = self._name_variants(p)
        host = pick_weighted(MASTODON_HOSTS, MASTODON_HOST_WEIGHTS)

        def make(attempt):
            opts = [f, f + l, f + "_" + l, f[0] + l, l]
            user = pick(opts) if attempt < 3 else f + l + str(rand_int(2, 99))
            key = user + "@" + host
            return key, key
        key, handle = self._unique("mastodon", make)
        user = key.split("@")[0]
        return {"network": "mastodon", "key": key, "handle": handle, "url": "https://" + host + "/@" + user}

    def x(self, p):
        f, l = self._name_variants(p)

        def make(attempt):
            if chance(0.35):
                xid = digits(rand_int(7, 10))          # older account
            else:
                xid = "1" + digits(18, first_nonzero=False)  # snowflake-era account
            opts = [f + l, f + "_" + l, f[0] + l, f + "_" + pick(X_SUFFIX[p.industry]), l + f[:1]]
            h = pick(opts) if attempt < 3 else f[:6] + l[:6] + str(rand_int(2, 99))
            return xid, h[:15]
        key, handle = self._unique("x", make)
        return {"network": "x", "key": key, "handle": handle, "url": "https://x.com/" + handle}

    def email(self, p, personal=None):
        f, l = self._name_variants(p)
        if personal is None:
            personal = p.org is None or chance(0.4)
        domain = pick_weighted(PERSONAL_MAIL, PERSONAL_MAIL_WEIGHTS) if personal else ORGS[p.org][5]

        def make(attempt):
            if personal:
                opts = [f + "." + l, f + l, f[0] + l, f + "." + l + str(rand_int(1, 99))]
            else:
                opts = [f + "." + l, f, f[0] + "." + l, f + l[:1]]
            local = pick(opts) if attempt < 3 else f + "." + l + str(rand_int(2, 999))
            return local + "@" + domain, None
        key, _ = self._unique("email", make)
        return {"network": "email", "key": key, "handle": None, "url": None}


def build_identities(net):
    fac = IdentityFactory()
    me = net.people[0]
    me.identities = [fac.linkedin(me), fac.bsky(me), fac.email(me, personal=False)]
    social_bias = {"software": (0.35, 0.30, 0.25), "design": (0.45, 0.15, 0.25), "climate": (0.35, 0.15, 0.2),
                   "fintech": (0.15, 0.05, 0.35), "health": (0.15, 0.05, 0.15), "university": (0.35, 0.25, 0.2),
                   "vc": (0.25, 0.03, 0.6), "media": (0.5, 0.2, 0.55)}
    for p in net.people[1:]:
        b_bsky, b_masto, b_x = social_bias[p.industry]
        options = []
        if chance(0.88):
            options.append("linkedin")
        if chance(b_bsky):
            options.append("bsky")
        if chance(b_masto):
            options.append("mastodon")
        if chance(b_x):
            options.append("x")
        if chance(0.3 if p.level > 1 else 0.55):
            options.append("email")
        if not options:
            options.append("linkedin")
        while len(options) > 3:
            options.pop(int(rng.random() * len(options)))
        for n in options:
            p.identities.append(getattr(fac, n)(p))


# ---------------------------------------------------------------------------
# Tags, notes, follow-ups, intro requests
# ---------------------------------------------------------------------------

EVENTS = ["Web Summit 2025", "Config 2025", "re:publica 25", "Climate Week NYC 2025", "FOSDEM 2025",
          "Slush 2025", "UXLx 2025", "Local-First Conf 2025", "Design Matters 2025", "OFFF Barcelona 2025",
          "a Berlin design systems meetup", "the Lisbon product breakfast", "a climate tech mixer in Amsterdam",
          "Figma's Berlin community event"]
TOPICS = {
    "software": ["open-source design systems", "local-first sync and CRDTs", "accessibility tooling",
                 "developer experience", "Rust in production", "design tokens", "offline-first mobile apps"],
    "climate": ["grid-scale storage", "heat-pump retrofits", "carbon removal MRV", "climate data pipelines",
                "EV charging UX", "community solar"],
    "fintech": ["open banking APIs", "instant payments", "fraud-detection UX", "embedded finance",
                "financial inclusion"],
    "health": ["clinical workflow design", "patient-facing apps", "FHIR interoperability", "mental-health UX",
               "remote monitoring"],
    "design": ["design systems", "service design", "brand identity for climate startups", "motion design",
               "research ops", "design critique culture"],
    "university": ["HCI research", "participatory design", "computational notebooks", "tangible interfaces",
                   "end-user programming"],
    "vc": ["pre-seed climate tech", "design-led founders", "B2B SaaS", "deep tech", "developer tools"],
    "media": ["tech policy", "long-form features on AI", "newsletter growth", "podcasting", "climate reporting"],
}
NOTE_TEMPLATES = [
    "Met at {event} — interested in {topic}.",
    "Great coffee chat about {topic}. Send the article I mentioned.",
    "Intro'd by {friend} — wants to compare notes on {topic}.",
    "Spoke at {event} about {topic}; slides worth revisiting.",
    "Offered to review my portfolio case study on {topic}.",
    "Runs the {city} {topic} meetup — happy to host a talk.",
    "Prefers Signal over email; usually free on Friday afternoons.",
    "Moved to {city} from {other_city} this year.",
    "Asked for feedback on their {topic} prototype — follow up with notes.",
    "Knows everyone in the {city} {industry} scene.",
    "Sat next to them at the {event} speaker dinner. Very thoughtful about {topic}.",
    "Recommended the book 'Thinking in Systems'. Return the favour with a good read.",
    "Co-organised a workshop on {topic} with me; would do it again.",
    "Shared a great write-up on {topic} — ask for the link again.",
    "Keep bumping into each other at conferences (last time {event}); grab lunch properly next time.",
    "Thinking about leaving {org} — keep an ear out for roles in {topic}.",
    "Helped me debug a gnarly {topic} issue; owe them a coffee.",
    "Back from parental leave — check in gently.",
    "Gave a candid talk on burnout at {event}. Good person to ask about team health.",
]
NOTE_TEMPLATES_BY_INDUSTRY = {
    "vc": ["Invests in {topic}; prefers warm intros via founders.", "Open to angel checks in {topic}."],
    "university": ["Looking for industry partners for a study on {topic}.",
                   "Could supervise a thesis on {topic} — mention the student project."],
    "design": ["Mentored me through the switch from engineering to design.",
               "Worked together on the onboarding redesign; very sharp on {topic}."],
    "software": ["Hiring senior engineers next quarter; ask about remote roles.",
                 "Maintains a popular library for {topic}."],
    "climate": ["Building in {topic}; looking for a founding designer.",
                "Wants feedback on the {topic} dashboard."],
    "media": ["Writing a piece on {topic} — could quote us.", "Hosts a podcast; suggested I come on."],
}
INDUSTRY_LABEL = {"software": "software", "climate": "climate tech", "fintech": "fintech", "health": "health tech",
                  "design": "design", "university": "research", "vc": "startup", "media": "media"}


def pick_tags_for(p, me):
    tags = []
    senior = p.seniority in ("senior", "lead", "exec")
    cand = []
    if p.industry == "vc" or p.title.startswith("Angel"):
        cand += ["Investors"] * 4
    if p.industry == "climate":
        cand += ["Climate"] * 4
    if p.industry == "design" or "Design" in p.title:
        cand += ["Design"] * 3
    if senior:
        cand += ["Mentors"] * 2
    if p.industry in ("software", "design") and p.org != me.org:
        cand += ["Former colleagues"] * 2
    if p.seniority in ("lead", "exec") and p.industry in ("software", "climate", "fintech", "health"):
        cand += ["Hiring"] * 2
    cand += ["Conference 2026", "Community", "Community"]
    n = pick_weighted([1, 2, 3], [0.5, 0.35, 0.15])
    if chance(0.12):
        tags.append("Close friends")
    tries = 0
    while len(tags) < n and tries < 50:
        tries += 1
        t = pick(cand)
        if t not in tags:
            tags.append(t)
    return tags


def build_annotations(net):
    P = net.people
    me = P[0]
    direct = [p for p in P[1:] if p.level == 1]
    second = [p for p in P[1:] if p.level == 2]
    third = [p for p in P[1:] if p.level == 3]
    order = {t: i for i, (t, _) in enumerate(TAGS)}

    # tags: ~40% of direct contacts, plus a few others
    tagged = [p for p in direct if chance(0.40)]
    for p in tagged:
        p.tags = sorted(pick_tags_for(p, me), key=order.get)
    for p in second + third:
        if chance(0.02):
            t = pick(["Conference 2026", "Community", "Hiring"])
            if p.industry == "climate":
                t = "Climate"
            elif p.industry == "vc":
                t = "Investors"
            p.tags = [t]

    # notes: ~45 direct contacts + ~15 others
    def note_for(p):
        if p.industry in NOTE_TEMPLATES_BY_INDUSTRY and chance(0.4):
            tpl = pick(NOTE_TEMPLATES_BY_INDUSTRY[p.industry])
        else:
            tpl = pick(NOTE_TEMPLATES)
        friend = pick(direct)
        other_city = pick([c for c in CITY_KEYS if c != p.city])
        org = ORGS[p.org][0] if p.org is not None else "freelancing"
        return tpl.format(event=pick(EVENTS), topic=pick(TOPICS[p.industry]), friend=friend.first,
                          city=p.city, other_city=other_city, industry=INDUSTRY_LABEL[p.industry], org=org)

    noted = []
    while len(noted) < 45:
        p = pick(direct)
        if p not in noted:
            noted.append(p)
    while len(noted) < 60:
        p = pick(second) if chance(0.75) else pick(third)
        if p not in noted:
            noted.append(p)
    used_notes = set()

    def fresh_note(p):
        for _ in range(100):
            text = note_for(p)
            if text not in used_notes:
                used_notes.add(text)
                return text
        return None

    for p in noted:
        notes = [fresh_note(p)]
        if chance(0.3):
            notes.append(fresh_note(p))
        p.notes = [n for n in notes if n]

    # follow-ups: 40 direct contacts, relative to the day the demo is loaded
    fu = []
    while len(fu) < 40:
        p = pick(direct)
        if p not in fu:
            fu.append(p)
    for k, p in enumerate(fu):
        if k < 9:
            due = rand_int(-20, -1)          # overdue
        elif k < 19:
            due = rand_int(0, 6)             # this week
        else:
            due = rand_int(7, 40)            # later
        tag_cadences = [TAG_CADENCE[t] for t in p.tags if TAG_CADENCE[t]]
        if tag_cadences:
            cadence = min(tag_cadences)
        elif chance(0.6):
            cadence = pick([14, 30, 30, 45, 60, 90])
        else:
            cadence = None
        if cadence is not None and cadence < due:
            cadence = pick([c for c in (45, 60, 90, 180) if c >= due])
        if cadence is not None:
            # consistent schedule: due date = last contact + cadence
            last = None if chance(0.12) else cadence - due
        elif chance(0.5):
            last = rand_int(5, 150)   # one-off reminder, no cadence
        else:
            last = None
        p.follow_up = {"due_in_days": due, "cadence_days": cadence, "last_contacted_days_ago": last}


def build_intros(net):
    P = net.people
    kind_rank = {"colleague": 0, "connection": 1, "knows": 2, "follows": 3, "related": 4}
    # candidate targets: interesting second-degree people
    cands = [p for p in P[1:] if p.level == 2 and (p.famous or p.seniority in ("lead", "exec"))
             and p.industry in ("vc", "climate", "design", "software", "media", "university")]
    specs = [
        ("introduced", 48, (0, 1), "Would love to learn how {org} approaches {topic} — {intro} offered to connect us."),
        ("asked", 12, (0, 1, 2), "Asked {intro} for an intro: {target} works on {topic} at {org}, exploring a collaboration."),
        ("draft", 2, (0, 1, 2, 3), "Draft: ask {intro} to introduce me to {target} about {topic}."),
        ("declined", 30, (3,), "{intro} didn't feel close enough to {target} to make the intro; try again after the conference."),
        ("asked", 5, (0,), "Looking for advice on {topic}; {intro} works with {target} and offered to ask."),
    ]
    intros = []
    used = set()
    for status, days, strengths, tpl in specs:
        for _ in range(500):
            t = pick(cands)
            if t.idx in used:
                continue
            # introducers: my direct contacts linked to the target (either direction)
            intro_cands = sorted(v for v in net.adj[t.idx] if P[v].level == 1)
            if not intro_cands:
                continue

            def strength(v):
                best = 9
                for kind, r in kind_rank.items():
                    if net.has(v, t.idx, kind) or net.has(t.idx, v, kind):
                        best = min(best, r)
                return best
            intro_cands = [v for v in intro_cands if strength(v) in strengths]
            if not intro_cands:
                continue
            introducer = P[pick(intro_cands)]
            used.add(t.idx)
            note = tpl.format(org=ORGS[t.org][0], topic=pick(TOPICS[t.industry]), intro=introducer.first,
                              target=t.first)
            intros.append({"target": t.idx, "introducer": introducer.idx, "status": status,
                           "created_days_ago": days, "note": note})
            break
    return intros


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

def person_json(p):
    d = {}
    if p.idx == 0:
        d["me"] = True
    d["name"] = p.name
    d["organisation"] = ORGS[p.org][0] if p.org is not None else INDEPENDENT
    d["title"] = p.title
    d["location"] = CITIES[p.city][0]
    d["identities"] = p.identities
    if p.tags:
        d["tags"] = p.tags
    if p.notes:
        d["notes"] = p.notes
    if p.follow_up:
        d["follow_up"] = p.follow_up
    return d


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


KIND_ORDER = {"follows": 0, "connection": 1, "colleague": 2, "knows": 3, "related": 4}


def write_json(net, intros, path):
    lines = ["{"]
    lines.append('"format":"warmpath-demo",')
    lines.append('"version":1,')
    lines.append('"seed":%d,' % SEED)
    lines.append('"tags":' + dumps([{"name": n, "cadence_days": c} for n, c in TAGS]) + ",")
    lines.append('"people":[')
    people = [dumps(person_json(p)) for p in net.people]
    lines.append(",\n".join(people))
    lines.append("],")
    lines.append('"links":[')
    keys = sorted(net.links, key=lambda k: (k[0], k[1], KIND_ORDER[k[2]]))
    lines.append(",\n".join(dumps([u, v, kind, float(net.links[(u, v, kind)])]) for u, v, kind in keys))
    lines.append("],")
    lines.append('"intro_requests":[')
    lines.append(",\n".join(dumps(i) for i in intros))
    lines.append("]")
    lines.append("}")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(path, "wb") as fh:
        fh.write(data)
    return len(data)


def summarize(net, intros, size):
    P = net.people
    n = len(P)
    dist = [-1] * n
    dist[0] = 0
    queue = [0]
    for u in queue:
        for v in sorted(net.adj[u]):
            if dist[v] < 0:
                dist[v] = dist[u] + 1
                queue.append(v)
    for p in P:  # the construction guarantees this
        expect = -1 if p.level == CLUSTER_LEVEL else p.level
        assert dist[p.idx] == expect, (p.idx, p.level, dist[p.idx])
    by_kind = {}
    for (_, _, kind) in net.links:
        by_kind[kind] = by_kind.get(kind, 0) + 1
    follows = [(u, v) for (u, v, k) in net.links if k == "follows"]
    recip = sum(1 for u, v in follows if (v, u, "follows") in net.links)
    indeg = [0] * n
    for u, v in follows:
        indeg[v] += 1
    top = sorted(indeg, reverse=True)[:8]
    deg = {1: 0, 2: 0, 3: 0, "4+": 0, "unreachable": 0}
    for d in dist[1:]:
        if d < 0:
            deg["unreachable"] += 1
        elif d >= 4:
            deg["4+"] += 1
        else:
            deg[d] += 1
    me_out = sum(1 for (u, v, k) in net.links if u == 0)
    me_in = sum(1 for (u, v, k) in net.links if v == 0)
    tagged = sum(1 for p in P if p.tags)
    tagged1 = sum(1 for p in P if p.tags and p.level == 1)
    noted = sum(1 for p in P if p.notes)
    fus = sum(1 for p in P if p.follow_up)
    idents = sum(len(p.identities) for p in P)
    w = sys.stderr.write
    w("warmpath demo network (seed %d)\n" % SEED)
    w("  people: %d   organisations: %d   identities: %d\n" % (n, len(ORGS), idents))
    w("  links: %d  (%s)\n" % (len(net.links), ", ".join("%s %d" % (k, by_kind.get(k, 0)) for k in KIND_ORDER)))
    w("  follows reciprocated: %.1f%%   top follower counts: %s\n" % (100.0 * recip / len(follows), top))
    w("  me: %d outgoing / %d incoming links\n" % (me_out, me_in))
    w("  degree from me: 1st %d, 2nd %d, 3rd %d, 4+ %d, unreachable %d\n"
      % (deg[1], deg[2], deg[3], deg["4+"], deg["unreachable"]))
    w("  tagged: %d (%d direct contacts)   with notes: %d   follow-ups: %d   intro requests: %d\n"
      % (tagged, tagged1, noted, fus, len(intros)))
    w("  file size: %d bytes\n" % size)


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: %s OUTPUT.json\n" % argv[0])
        return 2
    net = Network()
    build_people(net)
    build_links(net)
    build_identities(net)
    build_annotations(net)
    intros = build_intros(net)
    size = write_json(net, intros, argv[1])
    summarize(net, intros, size)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
