import Testing

@testable import EduSite

@Suite struct SlugTests {
    @Test(arguments: [
        ("Đơn xin nghỉ học", "don-xin-nghi-hoc"),
        ("Trường THPT Nguyễn Văn Cừ", "truong-thpt-nguyen-van-cu"),
        ("Đoàn TNCS Hồ Chí Minh", "doan-tncs-ho-chi-minh"),
        ("  Covid-19: hướng dẫn!  ", "covid-19-huong-dan"),
        ("Phúc khảo bài thi", "phuc-khao-bai-thi"),
        ("Ban đại diện cha mẹ học sinh", "ban-dai-dien-cha-me-hoc-sinh"),
        ("ĐỘI THIẾU NIÊN", "doi-thieu-nien"),
        ("Nghi\u{0302}\u{0303}", "nghi"),  // NFD input: marks dropped
        ("Đ", "d"),
        ("---", ""),
    ])
    func slug(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }
}
