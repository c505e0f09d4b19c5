//! Documents in a real encrypted store: what goes in comes out byte for byte with the same SHA-256, a
//! file attached twice is stored once, the contents are not readable in the file on disk, odd names are
//! shown as given and written safely, and bad files are refused with nothing stored.

mod support;

use std::path::Path;

use crm_core::contract::{ContractInput, ContractStatus};
use crm_core::customer::CustomerInput;
use crm_core::document::{DocumentKind, OPENED_DIR};
use crm_core::record::RecordKind;
use crm_core::store::{query_scalar_for_tests, Store};
use sha2::{Digest, Sha256};
use support::fresh;

async fn customer(store: &Store, name: &str) -> i64 {
    store
        .customers()
        .create_from(&CustomerInput {
            name: name.into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .id
}

fn sha(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// A small PDF-looking file with contents that vary by `seed`, larger than one chunk.
fn pdf(dir: &Path, name: &str, seed: u8, len: usize) -> (std::path::PathBuf, Vec<u8>) {
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.extend((0..len).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed)));
    let path = dir.join(name);
    std::fs::write(&path, &bytes).unwrap();
    (path, bytes)
}

#[tokio::test]
async fn a_document_comes_back_byte_for_byte_and_its_copy_has_the_same_hash() {
    let (d, store) = fresh().await;
    let files = tempfile::tempdir().unwrap();
    let c = customer(&store, "北京华远科技有限公司").await;
    let (path, bytes) = pdf(files.path(), "合同扫描件.pdf", 1, 700_000);
    let doc = store
        .documents()
        .attach(&path, c, None, None)
        .await
        .unwrap();
    assert_eq!(doc.name, "合同扫描件.pdf");
    assert_eq!(doc.kind, DocumentKind::Pdf);
    assert_eq!(doc.size, bytes.len() as i64);
    assert_eq!(doc.sha256, sha(&bytes));

    assert_eq!(store.documents().contents(doc.id).await.unwrap(), bytes);
    let copy = store.documents().open_copy(doc.id).await.unwrap();
    assert!(
        copy.starts_with(d.path().join(OPENED_DIR)),
        "copies stay in the app's own directory"
    );
    assert_eq!(sha(&std::fs::read(&copy).unwrap()), doc.sha256);
    let saved = files.path().join("另存为.pdf");
    store.documents().save_to(doc.id, &saved).await.unwrap();
    assert_eq!(std::fs::read(&saved).unwrap(), bytes);

    // Plain text of the file is nowhere in the store on disk.
    let marker = b"CONFIDENTIAL-CONTRACT-7f3a";
    let (secret, _) = {
        let p = files.path().join("secret.txt");
        let mut b = marker.repeat(1000);
        b.extend_from_slice(b"end");
        std::fs::write(&p, &b).unwrap();
        (p, b)
    };
    store
        .documents()
        .attach(&secret, c, None, None)
        .await
        .unwrap();
    store.close().await;
    let mut on_disk = support::file_bytes(d.path());
    if let Ok(wal) = std::fs::read(d.path().join("crm.db-wal")) {
        on_disk.extend(wal);
    }
    assert!(
        !on_disk.windows(marker.len()).any(|w| w == marker),
        "a document's contents are encrypted with the store"
    );
    assert!(
        !d.path().join(OPENED_DIR).exists(),
        "decrypted copies are removed when the store closes"
    );
}

#[tokio::test]
async fn the_same_file_attached_twice_is_stored_once_and_kept_until_its_last_document_goes() {
    let (_d, store) = fresh().await;
    let files = tempfile::tempdir().unwrap();
    let c = customer(&store, "上海申通小吃店").await;
    let (path, bytes) = pdf(files.path(), "a.pdf", 2, 300_000);
    let first = store
        .documents()
        .attach(&path, c, None, None)
        .await
        .unwrap();
    let second = store
        .documents()
        .attach(&path, c, None, Some("同一份.pdf"))
        .await
        .unwrap();
    assert_eq!(second.name, "同一份.pdf");
    assert_eq!(
        query_scalar_for_tests(&store, "SELECT count(*) FROM blobs").await,
        1
    );
    let chunks = query_scalar_for_tests(&store, "SELECT count(*) FROM blob_chunks").await;
    assert_eq!(chunks, 2, "300 KB in 256 KiB chunks, once");

    store
        .trash()
        .put(RecordKind::Documents, first.id)
        .await
        .unwrap();
    store
        .trash()
        .delete(RecordKind::Documents, first.id)
        .await
        .unwrap();
    assert_eq!(store.documents().contents(second.id).await.unwrap(), bytes);
    store
        .trash()
        .put(RecordKind::Documents, second.id)
        .await
        .unwrap();
    store
        .trash()
        .delete(RecordKind::Documents, second.id)
        .await
        .unwrap();
    assert_eq!(
        query_scalar_for_tests(&store, "SELECT count(*) FROM blobs").await,
        0
    );
    assert_eq!(
        query_scalar_for_tests(&store, "SELECT count(*) FROM blob_chunks").await,
        0
    );
}

#[tokio::test]
async fn odd_names_are_shown_as_given_and_written_safely_inside_the_app_directory() {
    let (d, store) = fresh().await;
    let files = tempfile::tempdir().unwrap();
    let c = customer(&store, "深圳南山五金").await;
    let (path, bytes) = pdf(files.path(), "plain.pdf", 3, 1000);
    let long = format!("{}.pdf", "很长的名字".repeat(60));
    for name in [
        "../../outside.pdf",
        "..\\..\\windows.pdf",
        "CON.pdf",
        "报价🎉签字版.pdf",
        long.as_str(),
        "a/b\\c:d*e?.pdf",
    ] {
        let doc = store
            .documents()
            .attach(&path, c, None, Some(name))
            .await
            .unwrap();
        assert!(doc.name.chars().count() <= 255, "{name}");
        let copy = store.documents().open_copy(doc.id).await.unwrap();
        let opened = d.path().join(OPENED_DIR).canonicalize().unwrap();
        assert!(
            copy.canonicalize().unwrap().starts_with(&opened),
            "{name:?} was written at {copy:?}"
        );
        assert_eq!(std::fs::read(&copy).unwrap(), bytes, "{name:?}");
    }
    let emoji = store
        .documents()
        .of_customer(c)
        .await
        .unwrap()
        .into_iter()
        .find(|doc| doc.name.contains('🎉'))
        .unwrap();
    assert_eq!(emoji.name, "报价🎉签字版.pdf");
    assert!(!files.path().parent().unwrap().join("outside.pdf").exists());
}

#[tokio::test]
async fn bad_files_are_refused_and_nothing_is_stored() {
    let (_d, store) = fresh().await;
    let files = tempfile::tempdir().unwrap();
    let c = customer(&store, "成都锦江餐饮").await;
    let gone = files.path().join("已删除.pdf");
    let e = store
        .documents()
        .attach(&gone, c, None, None)
        .await
        .unwrap_err();
    assert_eq!(e.reason(), Some("file_gone"));
    let exe = files.path().join("setup.exe");
    std::fs::write(&exe, b"MZ\x90\x00").unwrap();
    let e = store
        .documents()
        .attach(&exe, c, None, None)
        .await
        .unwrap_err();
    assert_eq!(e.to_string(), "file: type_not_allowed");
    let e = store
        .documents()
        .attach(files.path(), c, None, Some("folder.pdf"))
        .await
        .unwrap_err();
    assert_eq!(e.to_string(), "file: not_a_file");
    // Past the limit (a sparse file: no disk is used).
    let big = files.path().join("big.pdf");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(crm_core::document::MAX_BYTES + 1).unwrap();
    let e = store
        .documents()
        .attach(&big, c, None, None)
        .await
        .unwrap_err();
    assert_eq!(e.to_string(), "file: too_large");
    for table in ["documents", "blobs", "blob_chunks"] {
        let n = query_scalar_for_tests(&store, &format!("SELECT count(*) FROM {table}")).await;
        assert_eq!(n, 0, "{table}");
    }
}

#[tokio::test]
async fn a_contract_document_belongs_to_the_contracts_customer_and_leaves_with_the_contract() {
    let (_d, store) = fresh().await;
    let files = tempfile::tempdir().unwrap();
    let a = customer(&store, "甲").await;
    let b = customer(&store, "乙").await;
    let contract = store
        .contracts()
        .create_from(&ContractInput {
            title: "采购合同".into(),
            customer_id: a,
            amount: Some(100),
            status: ContractStatus::Signed,
            ..Default::default()
        })
        .await
        .unwrap();
    let (path, _) = pdf(files.path(), "签字版.pdf", 4, 100);
    let e = store
        .documents()
        .attach(&path, b, Some(contract.id), None)
        .await
        .unwrap_err();
    assert_eq!(e.to_string(), "contractId: not_of_customer");
    let doc = store
        .documents()
        .attach(&path, a, Some(contract.id), None)
        .await
        .unwrap();
    assert_eq!(
        doc.contract_number.as_deref(),
        Some(contract.number.as_str())
    );
    assert_eq!(
        store
            .documents()
            .of_contract(contract.id)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(store.documents().of_customer(a).await.unwrap().len(), 1);
    store
        .trash()
        .put(RecordKind::Contracts, contract.id)
        .await
        .unwrap();
    assert!(
        store.documents().of_customer(a).await.unwrap().is_empty(),
        "a trashed contract's documents go with it"
    );
    store
        .trash()
        .delete(RecordKind::Contracts, contract.id)
        .await
        .unwrap();
    assert_eq!(
        query_scalar_for_tests(&store, "SELECT count(*) FROM blobs").await,
        0
    );
}
