//! Files in and out of the page: downloads made in the page, uploads read in the page.

use wasm_bindgen::JsCast;

/// Offers `bytes` as a download named `name`. Nothing leaves the page: the file is made here.
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let array = js_sys_array(bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&array, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(anchor) = document
        .create_element("a")
        .map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn js_sys_array(bytes: &[u8]) -> wasm_bindgen::JsValue {
    let array = web_sys::js_sys::Array::new();
    array.push(&web_sys::js_sys::Uint8Array::from(bytes));
    array.into()
}

/// Reads the first file chosen in a file input.
pub async fn read_chosen(input: &web_sys::HtmlInputElement) -> Option<(String, Vec<u8>)> {
    let file = input.files()?.get(0)?;
    let name = file.name();
    let blob = gloo::file::Blob::from(web_sys::Blob::from(file));
    let bytes = gloo::file::futures::read_as_bytes(&blob).await.ok()?;
    Some((name, bytes))
}

/// A text file as UTF-8: text saved in UTF-16 (with its byte-order mark) or in GBK/GB18030, as
/// Notepad and many portals save it, is decoded by the browser (its `TextDecoder`, so the page
/// carries no tables of its own); UTF-8, binary documents (PDF, Word, spreadsheets) and bytes
/// that are text in none of them are left as they are.
pub fn as_utf8(bytes: Vec<u8>) -> Vec<u8> {
    if std::str::from_utf8(&bytes).is_ok() {
        return bytes;
    }
    let binary = [&b"%PDF"[..], b"PK\x03\x04", &[0xD0, 0xCF, 0x11, 0xE0]];
    if binary.iter().any(|magic| bytes.starts_with(magic)) {
        return bytes;
    }
    let label = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => "utf-16le",
        Some([0xFE, 0xFF]) => "utf-16be",
        _ => "gb18030",
    };
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoded = web_sys::TextDecoder::new_with_label_and_options(label, &options)
        .and_then(|decoder| decoder.decode_with_u8_array(&bytes));
    match decoded {
        // Binary that happens to decode is no text: text has no control characters but line
        // ends and tabs.
        Ok(text)
            if !text.chars().any(|c| {
                c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}' | '\u{feff}')
            }) =>
        {
            text.into_bytes()
        }
        _ => bytes,
    }
}
