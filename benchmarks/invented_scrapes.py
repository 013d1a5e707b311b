"""Labelled scrapes written here from invented parts, for the segmenter's training.

Real scrapes teach the model what outlets do; these teach it the plain shapes that a handful of
real files may not show often enough: a two-line file (headline, one paragraph), a headline with
a dateline and a lead, menus and widgets above the headline, a clock above it and a dateline
below it, bylines before and after the body, captions after an image slot, a reading-list
marker followed by teasers. Every sentence is made up from the parts below, in Vietnamese and
English; the labels are known by construction. Deterministic from the seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from diparchive.read.segment import Label

_VI = {
    "who": [
        "Bộ trưởng Ngoại giao",
        "Thủ tướng Chính phủ",
        "Phó Chủ tịch nước",
        "Đoàn đại biểu cấp cao Việt Nam",
        "Chủ tịch Quốc hội",
        "Thứ trưởng Bộ Công Thương",
        "Đại sứ Việt Nam tại Pháp",
    ],
    "did": ["đã hội đàm với", "đã tiếp", "đã làm việc với", "đã điện đàm với", "đã gặp", "đã chủ trì cuộc họp với"],
    "whom": [
        "Bộ trưởng Ngoại giao Singapore",
        "Đại sứ Nhật Bản",
        "lãnh đạo tỉnh Gyeonggi",
        "đoàn doanh nghiệp Australia",
        "Tổng Thư ký một tổ chức quốc tế",
        "Thống đốc bang Victoria",
    ],
    "about": [
        "về hợp tác kinh tế, thương mại và đầu tư giữa hai nước",
        "nhằm thúc đẩy giao lưu nhân dân và hợp tác giáo dục",
        "về các biện pháp tăng cường kết nối hạ tầng và chuỗi cung ứng",
        "về phối hợp tại các diễn đàn đa phương trong khu vực",
        "về chương trình hợp tác năng lượng sạch trong giai đoạn tới",
    ],
    "more": [
        "Hai bên nhất trí tăng cường trao đổi đoàn ở mọi cấp.",
        "Phía bạn đánh giá cao vai trò ngày càng lớn của Việt Nam trong khu vực.",
        "Các đại biểu đã thảo luận cụ thể về kế hoạch triển khai trong năm nay.",
        "Nhân dịp này, hai bên đã ký kết một số văn kiện hợp tác quan trọng.",
        "Hai bên khẳng định sẽ sớm tổ chức kỳ họp tiếp theo của Ủy ban liên chính phủ.",
    ],
    "menu": [
        "Trang chủ",
        "Thời sự",
        "Thế giới",
        "Kinh tế",
        "Văn hóa",
        "Thể thao",
        "Đăng nhập",
        "Tìm kiếm",
        "Video",
        "Podcast",
        "English",
    ],
    "label": ["Chính trị", "Đối ngoại", "Thời sự", "Tin tức", "Quốc tế"],
    "widget": [
        "Nhỏ Bình thường Lớn",
        "Chờ...",
        "Hotline: 0900 000 111",
        "Hà Nội 27°C",
        "Nghe bài viết",
        "In bài viết",
        "Bình luận (0)",
    ],
    "counter": ["{n} lượt xem", "(Xem: {n})", "Lượt đọc: {n}"],
    "marker": ["Tin liên quan", "Cùng chuyên mục", "Tin đọc nhiều", "Xem thêm"],
    "teaser": [
        "Giá rau xanh tăng mạnh sau đợt mưa lớn kéo dài",
        "Khai mạc giải chạy vì cộng đồng tại thành phố biển",
        "Phân luồng giao thông phục vụ lễ hội hoa xuân",
        "Đội tuyển nữ chuẩn bị cho vòng loại châu lục",
        "Nắng nóng gay gắt kéo dài ở các tỉnh miền Trung",
    ],
    "names": ["Minh Anh", "Thu Hà", "Quốc Bảo", "Lan Hương", "Đức Trung"],
    "place": ["Hà Nội", "TP Hồ Chí Minh", "Đà Nẵng"],
    "caption": [
        "Quang cảnh buổi hội đàm.",
        "Các đại biểu chụp ảnh lưu niệm.",
        "Hai bên tại lễ ký kết văn kiện hợp tác.",
    ],
    "credit": ["(Ảnh: {name})", "Ảnh: TTXVN", "(Ảnh: Bộ Ngoại giao)"],
    "read_more": "Đọc thêm: ",
}
_EN = {
    "who": [
        "The Foreign Minister",
        "The Prime Minister",
        "The Vice President",
        "A high-level Vietnamese delegation",
        "The National Assembly Chairman",
        "The Deputy Minister of Industry and Trade",
    ],
    "did": ["held talks with", "received", "had a working session with", "spoke by phone with", "met"],
    "whom": [
        "Singapore's Foreign Minister",
        "the Ambassador of Japan",
        "leaders of Gyeonggi province",
        "a delegation of Australian businesses",
        "the Secretary General of an international body",
    ],
    "about": [
        "on economic, trade and investment cooperation between the two countries",
        "to promote people-to-people exchanges and education ties",
        "on ways to improve infrastructure links and supply chains",
        "on coordination at regional and multilateral forums",
    ],
    "more": [
        "Both sides agreed to step up delegation exchanges at all levels.",
        "The guests praised Viet Nam's growing role in the region.",
        "The delegates discussed concrete plans for the rest of the year.",
        "On the occasion, the two sides signed several cooperation documents.",
    ],
    "menu": ["Home", "Politics", "World", "Business", "Culture", "Sports", "Sign in", "Search", "Video", "Newsletter"],
    "label": ["Politics", "Diplomacy", "World", "News"],
    "widget": ["A A A", "Loading...", "Listen to this article", "Print", "Hanoi 27°C", "Comments (0)"],
    "counter": ["{n} views", "Views: {n}"],
    "marker": ["Related news", "Read more", "Most read", "More stories"],
    "teaser": [
        "Vegetable prices climb after days of heavy rain",
        "Charity run opens in the coastal city",
        "Traffic diverted for the spring flower festival",
        "Heatwave persists across central provinces",
    ],
    "names": ["Minh Anh", "John Carter", "Thu Ha", "Sarah Lee"],
    "place": ["HANOI", "HO CHI MINH CITY", "DA NANG"],
    "caption": [
        "An overview of the talks.",
        "Delegates pose for a group photo.",
        "The two sides at the signing ceremony.",
    ],
    "credit": ["(Photo: {name})", "Photo: VNA", "(Photo courtesy of the ministry)"],
    "read_more": "Read more: ",
}
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_WEEKDAYS_VI = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def _sentence(rng: random.Random, parts: dict) -> str:
    return f"{rng.choice(parts['who'])} {rng.choice(parts['did'])} {rng.choice(parts['whom'])} {rng.choice(parts['about'])}."


def _paragraph(rng: random.Random, parts: dict) -> str:
    return " ".join([_sentence(rng, parts)] + rng.sample(parts["more"], k=rng.randint(1, 3)))


def _headline(rng: random.Random, parts: dict) -> str:
    text = f"{rng.choice(parts['who'])} {rng.choice(parts['did'])} {rng.choice(parts['whom'])}"
    return text[0].upper() + text[1:]


def _date(rng: random.Random, lang: str, clock: bool) -> str:
    y, m, d = rng.randint(2012, 2025), rng.randint(1, 12), rng.randint(1, 28)
    h, mi = rng.randint(0, 23), rng.randint(0, 59)
    if lang == "en":
        shapes = [f"{_MONTHS_EN[m - 1]} {d}, {y}", f"{d} {_MONTHS_EN[m - 1]} {y}", f"{y}-{m:02d}-{d:02d}"]
        text = rng.choice(shapes)
        return f"{text} {h % 12 or 12}:{mi:02d} {'AM' if h < 12 else 'PM'} GMT+7" if clock else text
    shapes = [
        f"{d:02d}/{m:02d}/{y}",
        f"{_WEEKDAYS_VI[rng.randrange(7)]}, {d:02d}/{m:02d}/{y}",
        f"ngày {d} tháng {m} năm {y}",
    ]
    text = rng.choice(shapes)
    if clock:
        text = rng.choice(
            [
                f"{text} {h:02d}:{mi:02d}",
                f"{h:02d}:{mi:02d}, {text}",
                f"{text} | {h:02d}:{mi:02d}",
                f"Cập nhật: {h:02d}:{mi:02d}, {text}",
            ]
        )
    return text


def invented(count: int = 80, seed: int = 7) -> Iterator[tuple[list[str], list[Label]]]:
    """`count` labelled scrapes of varied shapes."""
    rng = random.Random(seed)
    for index in range(count):
        lang = "en" if index % 4 == 3 else "vi"
        parts = _EN if lang == "en" else _VI
        lines: list[tuple[str, Label]] = []
        shape = index % 8
        if shape in (2, 3, 5):  # a site's top: menu, widgets, a clock
            lines += [(m, Label.CHROME) for m in rng.sample(parts["menu"], k=rng.randint(2, 7))]
            if rng.random() < 0.5:
                lines.append((_date(rng, lang, clock=True), Label.CHROME))
            lines += [(w, Label.CHROME) for w in rng.sample(parts["widget"], k=rng.randint(0, 2))]
        if shape in (3, 4, 6) and rng.random() < 0.7:
            lines.append((rng.choice(parts["label"]), Label.CHROME))
        titled = shape != 7
        if titled:
            lines.append((_headline(rng, parts), Label.TITLE))
        if shape not in (0, 7):
            if rng.random() < 0.4:
                lines.append((rng.choice(parts["names"]), Label.BYLINE))
            lines.append((_date(rng, lang, clock=rng.random() < 0.6), Label.DATELINE))
            if rng.random() < 0.3:
                lines.append((rng.choice(parts["counter"]).format(n=rng.randint(10, 9000)), Label.CHROME))
        lead = _paragraph(rng, parts)
        if rng.random() < 0.3:
            lead = f"{rng.choice(parts['place'])} - {lead}"
        lines.append((lead, Label.BODY))
        for _ in range(0 if shape == 0 else rng.randint(1, 6)):
            roll = rng.random()
            if roll < 0.15:
                credit = rng.choice(parts["credit"]).format(name=rng.choice(parts["names"]))
                lines.append((f"{rng.choice(parts['caption'])} {credit}", Label.CAPTION))
            elif roll < 0.22:
                lines.append((parts["read_more"] + rng.choice(parts["teaser"]), Label.CHROME))
            lines.append((_paragraph(rng, parts), Label.BODY))
        if rng.random() < 0.3:
            lines.append((rng.choice(parts["names"]), Label.BYLINE))
        if shape in (1, 2, 4, 5, 6) and rng.random() < 0.8:
            lines.append((rng.choice(parts["marker"]), Label.TAIL))
            for teaser in rng.sample(parts["teaser"], k=rng.randint(1, 4)):
                lines.append((teaser, Label.TAIL))
                if rng.random() < 0.4:
                    lines.append((_paragraph(rng, parts)[:140] + "...", Label.TAIL))
        yield [text for text, _ in lines], [label for _, label in lines]
